namespace Grpc.AspNetCore.Server.Internal;

/// <summary>A per-call service or interceptor instance, and whether the call (rather than DI) owns it.</summary>
internal readonly struct ActivatedInstance<T>(T instance, bool created)
    where T : class
{
    public T Instance { get; } = instance;

    public ValueTask ReleaseAsync()
    {
        if (!created)
        {
            return default;
        }

        if (Instance is IAsyncDisposable asyncDisposable)
        {
            return asyncDisposable.DisposeAsync();
        }

        (Instance as IDisposable)?.Dispose();
        return default;
    }
}
