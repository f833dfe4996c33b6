using Grpc.Core;

namespace Grpc.Net.Client.Internal;

/// <summary>The call invoker of a <see cref="GrpcChannel"/>: each call becomes one HTTP/2 request.</summary>
internal sealed class GrpcCallInvoker(GrpcChannel channel) : CallInvoker
{
    public override TResponse BlockingUnaryCall<TRequest, TResponse>(
        Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
    {
        using var call = AsyncUnaryCall(method, host, options, request);
        return call.ResponseAsync.GetAwaiter().GetResult();
    }

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
        new GrpcCall<TRequest, TResponse>(channel, method, host, options).StartUnary(request);

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(
        Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
        new GrpcCall<TRequest, TResponse>(channel, method, host, options).StartServerStreaming(request);

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(
        Method<TRequest, TResponse> method, string? host, CallOptions options) =>
        new GrpcCall<TRequest, TResponse>(channel, method, host, options).StartClientStreaming();

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(
        Method<TRequest, TResponse> method, string? host, CallOptions options) =>
        new GrpcCall<TRequest, TResponse>(channel, method, host, options).StartDuplexStreaming();
}
