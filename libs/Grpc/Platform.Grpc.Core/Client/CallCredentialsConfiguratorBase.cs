namespace Grpc.Core;

/// <summary>The visitor a transport passes to CallCredentials.InternalPopulateConfiguration.</summary>
public abstract class CallCredentialsConfiguratorBase
{
    public abstract void SetCompositeCredentials(object? state, IReadOnlyList<CallCredentials> credentials);

    public abstract void SetAsyncAuthInterceptorCredentials(object? state, AsyncAuthInterceptor interceptor);
}
