namespace Platform.Redis;

/// <summary>
/// The data commands, shared by <see cref="IRedisDatabase"/> (sent at once) and
/// <see cref="IRedisTransaction"/> (queued until <c>ExecuteAsync</c>). Names and parameter order follow
/// StackExchange.Redis's <c>IDatabaseAsync</c>, so callers port by changing namespaces; the return type
/// is <see cref="ValueTask{TResult}"/> (call <c>AsTask()</c> to combine calls with <c>Task.WhenAll</c>).
/// </summary>
/// <remarks>
/// Cancellation: a command cancelled before it is written is never sent; one cancelled after it is
/// written may still run on the server, and its reply is read and discarded. Either way the call
/// throws <see cref="OperationCanceledException"/> and the connection stays in step.
/// </remarks>
public partial interface IRedisCommands
{
    /// <summary>Runs any command; the reply comes back as a <see cref="RedisResult"/> tree.</summary>
    ValueTask<RedisResult> ExecuteAsync(string command, params RedisValue[] args);

    ValueTask<RedisResult> ExecuteAsync(string command, IReadOnlyList<RedisValue> args, CancellationToken cancellationToken);

    /// <summary>PUBLISH; returns how many subscribers received the message.</summary>
    ValueTask<long> PublishAsync(RedisValue channel, RedisValue message, CancellationToken cancellationToken = default);
}
