namespace Grpc.Core;

internal sealed class AsyncAuthInterceptorCredentials(AsyncAuthInterceptor interceptor) : CallCredentials
{
    private readonly AsyncAuthInterceptor _interceptor = interceptor ?? throw new ArgumentNullException(nameof(interceptor));

    public override void InternalPopulateConfiguration(CallCredentialsConfiguratorBase configurator, object? state) =>
        configurator.SetAsyncAuthInterceptorCredentials(state, _interceptor);
}
