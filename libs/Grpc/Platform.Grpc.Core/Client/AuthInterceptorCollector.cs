namespace Grpc.Core;

/// <summary>Flattens (possibly composite) call credentials into the ordered list of auth interceptors to run.</summary>
internal sealed class AuthInterceptorCollector : CallCredentialsConfiguratorBase
{
    private readonly List<AsyncAuthInterceptor> _interceptors = [];

    public static IReadOnlyList<AsyncAuthInterceptor> Collect(CallCredentials credentials)
    {
        var collector = new AuthInterceptorCollector();
        credentials.InternalPopulateConfiguration(collector, null);
        return collector._interceptors;
    }

    public override void SetAsyncAuthInterceptorCredentials(object? state, AsyncAuthInterceptor interceptor) =>
        _interceptors.Add(interceptor);

    public override void SetCompositeCredentials(object? state, IReadOnlyList<CallCredentials> credentials)
    {
        foreach (var credential in credentials)
        {
            credential.InternalPopulateConfiguration(this, state);
        }
    }
}
