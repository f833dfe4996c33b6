using System.Collections.Concurrent;
using System.Diagnostics;
using Npgsql;

namespace Platform.Testing.Postgres;

/// <summary>
/// A throwaway PostgreSQL 15 server for tests: its own data folder under the temp directory, trust
/// authentication on 127.0.0.1, a free port, durability switched off for speed.
/// </summary>
/// <remarks>
/// Most tests share one server per test run (<see cref="SharedPostgresServer"/>) and take a fresh
/// database each (<see cref="PostgresDatabaseFixture"/>). Tests that stop the server start their own
/// with <see cref="StartNewAsync"/>, so an outage never reaches other tests.
/// </remarks>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string Host = "127.0.0.1";
    public const string SuperUser = "postgres";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);

    // Servers not yet disposed, stopped when the process exits (a test that forgets to dispose, and
    // the shared server, which nothing disposes).
    private static readonly ConcurrentDictionary<PostgresServer, byte> Undisposed = new();

    private readonly string _rootDirectory;
    private readonly SemaphoreSlim _lifecycle = new(1, 1);
    private Process? _process;
    private ServerLog _log = new();
    private bool _disposed;

    static PostgresServer() =>
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var server in Undisposed.Keys)
            {
                server.StopNow();
            }
        };

    private PostgresServer(string rootDirectory, int port)
    {
        _rootDirectory = rootDirectory;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The data folder; it survives <see cref="StopAsync"/> and is deleted on dispose.</summary>
    public string DataDirectory => Path.Combine(_rootDirectory, "data");

    /// <summary>Connection string to the maintenance database <c>postgres</c> as the superuser.</summary>
    public string ConnectionString => ConnectionStringFor("postgres");

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Initialises a new cluster in a temp folder and starts it on a free loopback port.</summary>
    public static async Task<PostgresServer> StartNewAsync(CancellationToken cancellationToken = default)
    {
        var initDb = PostgresBinaries.InitDb;
        StaleServerFolders.Remove();
        var root = Directory.CreateTempSubdirectory(StaleServerFolders.Prefix).FullName;
        Directory.CreateDirectory(Path.Combine(root, "sockets"));
        await ServerProcessLauncher.GiveToServerUserAsync(root);

        var server = new PostgresServer(root, FreePort.Next());
        Undisposed.TryAdd(server, 0);
        try
        {
            await ServerProcessLauncher.RunToCompletionAsync(
                initDb,
                ["-D", server.DataDirectory, "-U", SuperUser, "--auth=trust", "--encoding=UTF8", "--no-locale",
                 "--no-sync", "--no-instructions"],
                StartTimeout);
            await server.StartAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = Host,
        Port = Port,
        Username = SuperUser,
        Database = database,
    }.ConnectionString;

    /// <summary>Creates an empty database with a unique name and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string namePrefix = "test", CancellationToken cancellationToken = default)
    {
        var name = $"{namePrefix}_{Guid.NewGuid():N}".ToLowerInvariant();
        await using var connection = new NpgsqlConnection(ConnectionStringWithoutPooling("postgres"));
        await connection.OpenAsync(cancellationToken);
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync(cancellationToken);
        return ConnectionStringFor(name);
    }

    /// <summary>Starts (or restarts, after <see cref="StopAsync"/>) the server on the same port and data folder.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _lifecycle.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (IsRunning)
            {
                return;
            }

            _log = new ServerLog();
            _process = await ServerProcessLauncher.StartServerAsync(
                PostgresBinaries.Postgres,
                ["-D", DataDirectory, "-p", Port.ToString(), "-k", Path.Combine(_rootDirectory, "sockets"),
                 "-c", $"listen_addresses={Host}", "-c", "fsync=off", "-c", "synchronous_commit=off",
                 "-c", "full_page_writes=off", "-c", "max_connections=300"]);
            _log.Attach(_process);
            await WaitUntilAcceptingConnectionsAsync(cancellationToken);
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>Fast shutdown: open sessions get 57P01 (admin shutdown), like a real server restart.</summary>
    public async Task StopAsync()
    {
        await _lifecycle.WaitAsync();
        try
        {
            await StopProcessAsync(ServerProcessLauncher.Signal.Interrupt);
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _lifecycle.WaitAsync();
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            Undisposed.TryRemove(this, out _);
            await StopProcessAsync(ServerProcessLauncher.Signal.Quit);
            TryDeleteRoot();
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>
    /// For process exit, where nothing may block: the test host is killed a fraction of a second
    /// after exit begins, before the server could finish shutting down or its folder be deleted.
    /// So: signal an immediate shutdown, and leave waiting and deleting to a detached helper.
    /// </summary>
    private void StopNow()
    {
        if (_process is { HasExited: false } process)
        {
            ServerProcessLauncher.SendSignal(process, ServerProcessLauncher.Signal.Quit);
            ServerProcessLauncher.RemoveAfterExit(process.Id, _rootDirectory);
        }
        else
        {
            ServerProcessLauncher.RemoveAfterExit(0, _rootDirectory);
        }
    }

    /// <summary>The server's last log lines, for test failure messages.</summary>
    public string RecentLog() => _log.Tail();

    private async Task StopProcessAsync(ServerProcessLauncher.Signal signal)
    {
        if (_process is not { } process)
        {
            return;
        }

        if (!process.HasExited)
        {
            ServerProcessLauncher.SendSignal(process, signal);
            using var deadline = new CancellationTokenSource(StopTimeout);
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                ServerProcessLauncher.SendSignal(process, ServerProcessLauncher.Signal.Kill);
                await process.WaitForExitAsync();
            }
        }

        process.Dispose();
        _process = null;
    }

    private async Task WaitUntilAcceptingConnectionsAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        var connectionString = ConnectionStringWithoutPooling("postgres");
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process is not { HasExited: false })
            {
                throw new InvalidOperationException($"postgres exited during start-up:\n{_log.Tail()}");
            }

            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(cancellationToken);
                return;
            }
            catch (NpgsqlException) when (DateTime.UtcNow < deadline)
            {
                // Not listening yet, or still recovering ("the database system is starting up").
            }
            catch (NpgsqlException exception)
            {
                throw new TimeoutException($"postgres did not accept connections within {StartTimeout}:\n{_log.Tail()}", exception);
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    private string ConnectionStringWithoutPooling(string database) =>
        new NpgsqlConnectionStringBuilder(ConnectionStringFor(database)) { Pooling = false, Timeout = 5 }.ConnectionString;

    private void TryDeleteRoot()
    {
        try
        {
            Directory.Delete(_rootDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; failing a test run over it is not.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
