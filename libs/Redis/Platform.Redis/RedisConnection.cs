using Platform.Redis.Commands;
using Platform.Redis.Connection;

namespace Platform.Redis;

/// <summary>
/// A client for one Redis server: one multiplexed, pipelined connection that all callers share (plus
/// dedicated connections, borrowed per call, for blocking reads). Reconnects by itself. Create one per
/// application and keep it; it is thread-safe. Plays the role of StackExchange.Redis's ConnectionMultiplexer.
/// </summary>
public sealed class RedisConnection : IAsyncDisposable, IDisposable
{
    private readonly MultiplexedConnection _shared;
    private readonly BlockingConnectionPool _blocking;
    private readonly RedisDatabase _database;

    private RedisConnection(RedisConnectionOptions options)
    {
        Options = options;
        _shared = new MultiplexedConnection(options);
        _blocking = new BlockingConnectionPool(options);
        _database = new RedisDatabase(this);
    }

    public RedisConnectionOptions Options { get; }

    /// <summary>Whether the shared connection is up right now (commands sent while it is down wait for it, up to their timeout).</summary>
    public bool IsConnected => _shared.IsConnected;

    /// <summary>
    /// Connects and returns once the first connection is up. If it cannot be made: with
    /// abortConnect=true (the default) throws <see cref="RedisConnectionException"/>; with
    /// abortConnect=false returns anyway and keeps trying in the background.
    /// </summary>
    public static Task<RedisConnection> ConnectAsync(string connectionString, CancellationToken cancellationToken = default) =>
        ConnectAsync(RedisConnectionOptions.Parse(connectionString), cancellationToken);

    /// <inheritdoc cref="ConnectAsync(string, CancellationToken)"/>
    public static async Task<RedisConnection> ConnectAsync(RedisConnectionOptions options, CancellationToken cancellationToken = default)
    {
        var connection = new RedisConnection(options.Clone());
        Exception? failure;
        try
        {
            failure = await connection._shared.InitialOutcome.WaitAsync(cancellationToken);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        if (failure is not null && options.AbortOnConnectFail)
        {
            await connection.DisposeAsync();
            throw new RedisConnectionException(
                $"Could not connect to Redis at {options.Host}:{options.Port} after {options.ConnectRetry} attempt(s): {failure.Message}", failure);
        }

        return connection;
    }

    /// <summary>Returns at once and connects in the background (for DI registration); commands wait for the connection up to their timeout.</summary>
    public static RedisConnection Create(RedisConnectionOptions options) => new(options.Clone());

    /// <inheritdoc cref="Create(RedisConnectionOptions)"/>
    public static RedisConnection Create(string connectionString) => Create(RedisConnectionOptions.Parse(connectionString));

    /// <summary>The database named by the connection string's defaultDatabase (0 if absent).</summary>
    public IRedisDatabase GetDatabase() => _database;

    /// <summary>Closes all connections; queued and in-flight commands fail.</summary>
    public async ValueTask DisposeAsync()
    {
        await _shared.DisposeAsync();
        await _blocking.DisposeAsync();
    }

    // For containers disposed synchronously; nothing here blocks on the server.
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    internal WriteStatistics? SharedConnectionWriteStatistics => _shared.CurrentWriteStatistics;

    internal ValueTask<T> SendAsync<T>(PendingCommand<T> command, CancellationToken cancellationToken) =>
        command.IsBlocking ? _blocking.SendAsync(command, cancellationToken) : _shared.SendAsync(command, cancellationToken);
}
