using Platform.Redis.Commands.Replies;
using Platform.Redis.Protocol;

namespace Platform.Redis;

internal abstract partial class RedisCommandSet
{
    public ValueTask<RedisValue> HashGetAsync(RedisKey key, RedisValue hashField, CancellationToken cancellationToken = default) =>
        Send(CommandNames.HGet, ValueParser.Instance, cancellationToken, key.AsValue(), hashField);

    public ValueTask<RedisValue[]> HashGetAsync(RedisKey key, RedisValue[] hashFields, CancellationToken cancellationToken = default) =>
        Send(CommandNames.HMGet, ValueArrayParser.Instance, cancellationToken, Prepend(key.AsValue(), hashFields));

    public ValueTask<bool> HashSetAsync(RedisKey key, RedisValue hashField, RedisValue value, CancellationToken cancellationToken = default) =>
        Send(CommandNames.HSet, BooleanParser.Instance, cancellationToken, key.AsValue(), hashField, value);

    public ValueTask<long> HashSetAsync(RedisKey key, HashEntry[] hashFields, CancellationToken cancellationToken = default)
    {
        var arguments = new RedisValue[1 + (hashFields.Length * 2)];
        arguments[0] = key.AsValue();
        for (var i = 0; i < hashFields.Length; i++)
        {
            arguments[1 + (2 * i)] = hashFields[i].Name;
            arguments[2 + (2 * i)] = hashFields[i].Value;
        }

        return Send(CommandNames.HSet, Int64Parser.Instance, cancellationToken, arguments);
    }

    public ValueTask<HashEntry[]> HashGetAllAsync(RedisKey key, CancellationToken cancellationToken = default) =>
        Send(CommandNames.HGetAll, HashEntriesParser.Instance, cancellationToken, key.AsValue());

    public ValueTask<long> HashIncrementAsync(RedisKey key, RedisValue hashField, long value = 1, CancellationToken cancellationToken = default) =>
        Send(CommandNames.HIncrBy, Int64Parser.Instance, cancellationToken, key.AsValue(), hashField, value);

    public ValueTask<double> HashIncrementAsync(RedisKey key, RedisValue hashField, double value, CancellationToken cancellationToken = default) =>
        Send(CommandNames.HIncrByFloat, DoubleParser.Instance, cancellationToken, key.AsValue(), hashField, value);

    public ValueTask<bool> HashDeleteAsync(RedisKey key, RedisValue hashField, CancellationToken cancellationToken = default) =>
        Send(CommandNames.HDel, BooleanParser.Instance, cancellationToken, key.AsValue(), hashField);

    public ValueTask<long> HashDeleteAsync(RedisKey key, RedisValue[] hashFields, CancellationToken cancellationToken = default) =>
        Send(CommandNames.HDel, Int64Parser.Instance, cancellationToken, Prepend(key.AsValue(), hashFields));
}
