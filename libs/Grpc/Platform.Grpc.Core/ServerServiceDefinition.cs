namespace Grpc.Core;

/// <summary>A service's methods and handlers, built by the generated <c>BindService(TService)</c> overload.</summary>
public class ServerServiceDefinition
{
    private readonly IReadOnlyList<Action<ServiceBinderBase>> _addMethodActions;

    private ServerServiceDefinition(IReadOnlyList<Action<ServiceBinderBase>> addMethodActions)
    {
        _addMethodActions = addMethodActions;
    }

    public static Builder CreateBuilder() => new();

    /// <summary>Replays every method onto a binder, so a host can register the definition.</summary>
    internal void BindService(ServiceBinderBase serviceBinder)
    {
        foreach (var addMethod in _addMethodActions)
        {
            addMethod(serviceBinder);
        }
    }

    /// <summary>Collects methods; one overload per call kind, matching what generated code calls.</summary>
    public class Builder
    {
        private readonly Dictionary<string, Action<ServiceBinderBase>> _methods = new(StringComparer.Ordinal);

        public Builder AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse> handler)
            where TRequest : class
            where TResponse : class => Add(method, binder => binder.AddMethod(method, handler));

        public Builder AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse> handler)
            where TRequest : class
            where TResponse : class => Add(method, binder => binder.AddMethod(method, handler));

        public Builder AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse> handler)
            where TRequest : class
            where TResponse : class => Add(method, binder => binder.AddMethod(method, handler));

        public Builder AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse> handler)
            where TRequest : class
            where TResponse : class => Add(method, binder => binder.AddMethod(method, handler));

        public ServerServiceDefinition Build() => new([.. _methods.Values]);

        private Builder Add(IMethod method, Action<ServiceBinderBase> addMethod)
        {
            if (!_methods.TryAdd(method.FullName, addMethod))
            {
                throw new ArgumentException($"Method '{method.FullName}' was added twice.", nameof(method));
            }

            return this;
        }
    }
}
