using Grpc.Core;

namespace Platform.ServiceDefaults.Clients;

/// <summary>
/// Spreads calls over every replica of a service (one HTTP/2 channel each). Unary calls that are safe
/// to repeat and fail with <c>UNAVAILABLE</c> are retried on the next replica, within the caller's deadline.
/// </summary>
internal sealed class RoundRobinCallInvoker(IReadOnlyList<CallInvoker> replicas, UnaryRetryPolicy retryPolicy) : CallInvoker
{
    private int _next = -1;

    internal CallInvoker Next() => replicas[(int)((uint)Interlocked.Increment(ref _next) % (uint)replicas.Count)];

    public override TResponse BlockingUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
        AsyncUnaryCall(method, host, options, request).ResponseAsync.GetAwaiter().GetResult();

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
        retryPolicy.Applies(method)
            ? retryPolicy.Invoke(this, method, host, options, request)
            : Next().AsyncUnaryCall(method, host, options, request);

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
        Next().AsyncServerStreamingCall(method, host, options, request);

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) =>
        Next().AsyncClientStreamingCall(method, host, options);

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) =>
        Next().AsyncDuplexStreamingCall(method, host, options);
}
