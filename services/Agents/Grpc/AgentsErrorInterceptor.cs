using Grpc.Core;
using Grpc.Core.Interceptors;
using Platform.Agents.Domain;

namespace Platform.Agents.Grpc;

/// <summary>Turns engine exceptions into their gRPC status, so the service class stays a thin mapping.</summary>
internal sealed class AgentsErrorInterceptor : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (AgentsException e)
        {
            throw RpcErrors.From(e);
        }
        catch (Exception e) when (RpcErrors.FromInfrastructure(e) is { } unavailable)
        {
            throw unavailable;
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (AgentsException e)
        {
            throw RpcErrors.From(e);
        }
        catch (Exception e) when (!context.CancellationToken.IsCancellationRequested && RpcErrors.FromInfrastructure(e) is { } unavailable)
        {
            throw unavailable;
        }
    }
}
