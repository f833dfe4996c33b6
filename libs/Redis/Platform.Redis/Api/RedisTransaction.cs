using Platform.Redis.Commands;

namespace Platform.Redis;

/// <summary>Collects commands, then sends them as one MULTI/EXEC unit.</summary>
internal sealed class RedisTransaction : RedisCommandSet, IRedisTransaction
{
    private readonly RedisConnection _connection;
    private readonly List<PendingCommand> _queued = new();
    private bool _executed;

    public RedisTransaction(RedisConnection connection) => _connection = connection;

    public ValueTask<bool> ExecuteAsync(CancellationToken cancellationToken = default)
    {
        if (_executed)
        {
            throw new InvalidOperationException("This transaction has already been executed.");
        }

        _executed = true;
        if (_queued.Count == 0)
        {
            return ValueTask.FromResult(true);
        }

        return _connection.SendAsync(new TransactionCommand(_queued), cancellationToken);
    }

    // Inside MULTI nothing blocks and a failed EVALSHA cannot be retried, so queued commands are sent
    // as they are; their own cancellation tokens are ignored (the transaction's token governs).
    private protected override ValueTask<T> Dispatch<T>(PendingCommand<T> command, CancellationToken cancellationToken)
    {
        if (_executed)
        {
            throw new InvalidOperationException("Commands cannot be added after the transaction has been executed.");
        }

        _queued.Add(command);
        return command.AsValueTask();
    }
}
