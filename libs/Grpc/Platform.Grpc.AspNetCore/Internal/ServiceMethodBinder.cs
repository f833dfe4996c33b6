using System.Diagnostics.CodeAnalysis;
using Grpc.Core;

namespace Grpc.AspNetCore.Server.Internal;

/// <summary>
/// Receives the methods from the generated BindService (called with a null instance) and turns each into a
/// call handler over an open-instance delegate to TService's override, so each call can use a fresh instance.
/// </summary>
internal sealed class ServiceMethodBinder<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.PublicConstructors)] TService>(
    ServiceActivator<TService> activator,
    ServerMethodOptions options)
    : ServiceBinderBase
    where TService : class
{
    public List<(IMethod Method, ServerCallHandler Handler)> Methods { get; } = [];

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler)
    {
        var invoker = ServiceMethodLookup.CreateInvoker<UnaryServiceMethod<TService, TRequest, TResponse>, TService>(
            method.Name, typeof(TRequest), typeof(ServerCallContext));
        Methods.Add((method, new UnaryServerCallHandler<TService, TRequest, TResponse>(method, invoker, activator, options)));
    }

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler)
    {
        var invoker = ServiceMethodLookup.CreateInvoker<ClientStreamingServiceMethod<TService, TRequest, TResponse>, TService>(
            method.Name, typeof(IAsyncStreamReader<TRequest>), typeof(ServerCallContext));
        Methods.Add((method, new ClientStreamingServerCallHandler<TService, TRequest, TResponse>(method, invoker, activator, options)));
    }

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler)
    {
        var invoker = ServiceMethodLookup.CreateInvoker<ServerStreamingServiceMethod<TService, TRequest, TResponse>, TService>(
            method.Name, typeof(TRequest), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext));
        Methods.Add((method, new ServerStreamingServerCallHandler<TService, TRequest, TResponse>(method, invoker, activator, options)));
    }

    public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler)
    {
        var invoker = ServiceMethodLookup.CreateInvoker<DuplexStreamingServiceMethod<TService, TRequest, TResponse>, TService>(
            method.Name, typeof(IAsyncStreamReader<TRequest>), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext));
        Methods.Add((method, new DuplexStreamingServerCallHandler<TService, TRequest, TResponse>(method, invoker, activator, options)));
    }
}
