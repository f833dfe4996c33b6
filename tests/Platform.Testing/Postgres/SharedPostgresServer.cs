namespace Platform.Testing.Postgres;

/// <summary>
/// One PostgreSQL server per test process, started on first use and stopped when the process exits
/// (and killed by the kernel if the process dies without exiting cleanly).
/// </summary>
public static class SharedPostgresServer
{
    private static readonly Lazy<Task<PostgresServer>> Server = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    public static Task<PostgresServer> GetAsync() => Server.Value;

    private static async Task<PostgresServer> StartAsync()
    {
        var server = await PostgresServer.StartNewAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return server;
    }
}
