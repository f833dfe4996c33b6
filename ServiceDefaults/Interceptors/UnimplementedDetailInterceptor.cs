using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Platform.ServiceDefaults.Interceptors;

/// <summary>
/// Generated service bases answer an RPC nobody implemented with <c>UNIMPLEMENTED</c> and an empty
/// message; callers deserve to know which method and why, so this fills the message in.
/// </summary>
internal sealed class UnimplementedDetailInterceptor : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try { return await continuation(request, context); }
        catch (RpcException e) when (IsBare(e)) { throw Explained(context); }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try { await continuation(request, responseStream, context); }
        catch (RpcException e) when (IsBare(e)) { throw Explained(context); }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context,
        ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try { return await continuation(requestStream, context); }
        catch (RpcException e) when (IsBare(e)) { throw Explained(context); }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try { await continuation(requestStream, responseStream, context); }
        catch (RpcException e) when (IsBare(e)) { throw Explained(context); }
    }

    private static bool IsBare(RpcException e) => e.StatusCode == StatusCode.Unimplemented && string.IsNullOrEmpty(e.Status.Detail);

    private static RpcException Explained(ServerCallContext context) => new(new Status(StatusCode.Unimplemented,
        $"{context.Method.TrimStart('/')} is part of the v1 contract but is not implemented by this server yet."));
}
