using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Grpc.AspNetCore.Server.Internal;

/// <summary>
/// Creates a call's interceptors (outermost first) and releases them after the call. Only calls on services with
/// interceptors pay for this; the continuations are built per call because interceptors may be per-call instances.
/// </summary>
internal sealed class InterceptorPipeline
{
    private readonly ActivatedInstance<Interceptor>[] _instances;

    public InterceptorPipeline(InterceptorActivator[] activators, IServiceProvider requestServices)
    {
        _instances = new ActivatedInstance<Interceptor>[activators.Length];
        for (var i = 0; i < activators.Length; i++)
        {
            _instances[i] = activators[i].Create(requestServices);
        }
    }

    public UnaryServerMethod<TRequest, TResponse> Wrap<TRequest, TResponse>(UnaryServerMethod<TRequest, TResponse> handler)
        where TRequest : class
        where TResponse : class
    {
        for (var i = _instances.Length - 1; i >= 0; i--)
        {
            var interceptor = _instances[i].Instance;
            var next = handler;
            handler = (request, context) => interceptor.UnaryServerHandler(request, context, next);
        }

        return handler;
    }

    public ClientStreamingServerMethod<TRequest, TResponse> Wrap<TRequest, TResponse>(ClientStreamingServerMethod<TRequest, TResponse> handler)
        where TRequest : class
        where TResponse : class
    {
        for (var i = _instances.Length - 1; i >= 0; i--)
        {
            var interceptor = _instances[i].Instance;
            var next = handler;
            handler = (requests, context) => interceptor.ClientStreamingServerHandler(requests, context, next);
        }

        return handler;
    }

    public ServerStreamingServerMethod<TRequest, TResponse> Wrap<TRequest, TResponse>(ServerStreamingServerMethod<TRequest, TResponse> handler)
        where TRequest : class
        where TResponse : class
    {
        for (var i = _instances.Length - 1; i >= 0; i--)
        {
            var interceptor = _instances[i].Instance;
            var next = handler;
            handler = (request, responses, context) => interceptor.ServerStreamingServerHandler(request, responses, context, next);
        }

        return handler;
    }

    public DuplexStreamingServerMethod<TRequest, TResponse> Wrap<TRequest, TResponse>(DuplexStreamingServerMethod<TRequest, TResponse> handler)
        where TRequest : class
        where TResponse : class
    {
        for (var i = _instances.Length - 1; i >= 0; i--)
        {
            var interceptor = _instances[i].Instance;
            var next = handler;
            handler = (requests, responses, context) => interceptor.DuplexStreamingServerHandler(requests, responses, context, next);
        }

        return handler;
    }

    public async ValueTask ReleaseAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.ReleaseAsync().ConfigureAwait(false);
        }
    }
}
