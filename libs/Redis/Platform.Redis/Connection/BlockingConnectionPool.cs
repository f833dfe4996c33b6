using System.Collections.Concurrent;
using Platform.Redis.Commands;

namespace Platform.Redis.Connection;

/// <summary>
/// Dedicated connections for blocking reads (XREADGROUP ... BLOCK): each blocking call borrows one for
/// its duration, so a read held open by the server never stalls the shared connection's pipeline.
/// A call that times out or is cancelled may still be blocked on the server, so its connection is
/// closed rather than reused (closing it is also what ends the server-side wait).
/// </summary>
internal sealed class BlockingConnectionPool : IAsyncDisposable
{
    private const int MaxIdle = 4;

    private readonly RedisConnectionOptions _options;
    private readonly ConcurrentBag<MultiplexedConnection> _idle = new();
    private readonly ConcurrentDictionary<MultiplexedConnection, bool> _leased = new();
    private volatile bool _disposed;

    public BlockingConnectionPool(RedisConnectionOptions options)
    {
        // The dedicated connections must not fail fast on first connect: the command's timeout governs.
        _options = options.Clone();
        _options.AbortOnConnectFail = false;
        _options.ClientName = options.ClientName is null ? null : options.ClientName + ":blocking";
    }

    public async ValueTask<T> SendAsync<T>(PendingCommand<T> command, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var connection = _idle.TryTake(out var idle) ? idle : new MultiplexedConnection(_options);
        _leased[connection] = true;
        T result;
        try
        {
            result = await connection.SendAsync(command, cancellationToken);
        }
        catch (RedisServerException)
        {
            Return(connection);
            throw;
        }
        catch
        {
            _leased.TryRemove(connection, out _);
            await connection.DisposeAsync();
            throw;
        }

        Return(connection);
        return result;
    }

    /// <summary>Closes idle connections and those of reads still blocked (they fail with RedisConnectionException).</summary>
    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        while (_idle.TryTake(out var connection))
        {
            await connection.DisposeAsync();
        }

        foreach (var connection in _leased.Keys)
        {
            await connection.DisposeAsync();
        }
    }

    private void Return(MultiplexedConnection connection)
    {
        _leased.TryRemove(connection, out _);
        if (_disposed || _idle.Count >= MaxIdle)
        {
            _ = connection.DisposeAsync().AsTask();
            return;
        }

        _idle.Add(connection);
    }
}
