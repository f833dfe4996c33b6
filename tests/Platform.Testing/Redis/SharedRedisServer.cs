namespace Platform.Testing.Redis;

/// <summary>
/// One redis-server per test process, started on first use and killed when the process exits (or by
/// the kernel if it dies). Tests sharing it isolate themselves by key prefix, never by FLUSHDB.
/// </summary>
public static class SharedRedisServer
{
    private static readonly Lazy<Task<RedisServer>> Server = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    public static Task<RedisServer> GetAsync() => Server.Value;

    private static async Task<RedisServer> StartAsync()
    {
        var server = await RedisServer.StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return server;
    }
}
