namespace Platform.Testing.Postgres;

/// <summary>
/// One PostgreSQL server per test process, started on first use and stopped when the process exits
/// (and killed by the kernel if the process dies without exiting cleanly; its folder is then swept
/// by a later run).
/// </summary>
public static class SharedPostgresServer
{
    private static readonly Lazy<Task<PostgresServer>> Server =
        new(() => PostgresServer.StartNewAsync(), LazyThreadSafetyMode.ExecutionAndPublication);

    public static Task<PostgresServer> GetAsync() => Server.Value;
}
