namespace Grpc.Core;

/// <summary>Credentials attached to individual calls: auth interceptors that add metadata.</summary>
public abstract class CallCredentials
{
    /// <summary>Credentials that apply each of the given ones in turn.</summary>
    public static CallCredentials Compose(params CallCredentials[] credentials) =>
        new CompositeCallCredentials(credentials);

    public static CallCredentials FromInterceptor(AsyncAuthInterceptor interceptor) =>
        new AsyncAuthInterceptorCredentials(interceptor);

    /// <summary>Describes this credential to a transport; public only because the real API's shape has it so.</summary>
    public abstract void InternalPopulateConfiguration(CallCredentialsConfiguratorBase configurator, object? state);
}
