using Platform.Redis.Commands;
using Platform.Redis.Commands.Replies;
using Platform.Redis.Protocol;

namespace Platform.Redis;

/// <summary>
/// Builds each command of <see cref="IRedisCommands"/> once; subclasses decide whether a built command
/// is sent now (<see cref="RedisDatabase"/>) or queued for EXEC (<see cref="RedisTransaction"/>).
/// </summary>
internal abstract partial class RedisCommandSet : IRedisCommands
{
    private protected abstract ValueTask<T> Dispatch<T>(PendingCommand<T> command, CancellationToken cancellationToken);

    private protected ValueTask<T> Send<T>(CommandName name, ReplyParser<T> parser, CancellationToken cancellationToken, params RedisValue[] arguments) =>
        Dispatch(new Command<T>(name, parser, arguments), cancellationToken);

    public ValueTask<RedisResult> ExecuteAsync(string command, params RedisValue[] args) =>
        ExecuteAsync(command, args, CancellationToken.None);

    public ValueTask<RedisResult> ExecuteAsync(string command, IReadOnlyList<RedisValue> args, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        return Send(new CommandName(command), ResultParser.Instance, cancellationToken, [.. args]);
    }

    public ValueTask<long> PublishAsync(RedisValue channel, RedisValue message, CancellationToken cancellationToken = default) =>
        Send(CommandNames.Publish, Int64Parser.Instance, cancellationToken, channel, message);

    /// <summary>[first, ..rest] without LINQ.</summary>
    private protected static RedisValue[] Prepend(RedisValue first, RedisValue[] rest)
    {
        var all = new RedisValue[rest.Length + 1];
        all[0] = first;
        rest.CopyTo(all, 1);
        return all;
    }

    private protected static RedisValue[] Keys(RedisKey[] keys)
    {
        var values = new RedisValue[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            values[i] = keys[i].AsValue();
        }

        return values;
    }
}
