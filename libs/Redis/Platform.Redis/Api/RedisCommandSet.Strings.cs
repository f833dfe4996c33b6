using Platform.Redis.Commands.Replies;
using Platform.Redis.Protocol;

namespace Platform.Redis;

internal abstract partial class RedisCommandSet
{
    public ValueTask<RedisValue> StringGetAsync(RedisKey key, CancellationToken cancellationToken = default) =>
        Send(CommandNames.Get, ValueParser.Instance, cancellationToken, key.AsValue());

    public ValueTask<RedisValue[]> StringGetAsync(RedisKey[] keys, CancellationToken cancellationToken = default) =>
        Send(CommandNames.MGet, ValueArrayParser.Instance, cancellationToken, Keys(keys));

    public ValueTask<bool> StringSetAsync(RedisKey key, RedisValue value, TimeSpan? expiry = null, When when = When.Always, CancellationToken cancellationToken = default)
    {
        if (expiry is null && when == When.Always)
        {
            return Send(CommandNames.Set, OkParser.Instance, cancellationToken, key.AsValue(), value);
        }

        var arguments = new List<RedisValue>(5) { key.AsValue(), value };
        if (expiry is { } ttl)
        {
            arguments.AddRange(ExpiryArguments(ttl, "EX", "PX"));
        }

        if (when != When.Always)
        {
            arguments.Add(when == When.NotExists ? "NX" : "XX");
        }

        return Send(CommandNames.Set, OkParser.Instance, cancellationToken, [.. arguments]);
    }

    public ValueTask<long> StringIncrementAsync(RedisKey key, long value = 1, CancellationToken cancellationToken = default) =>
        Send(CommandNames.IncrBy, Int64Parser.Instance, cancellationToken, key.AsValue(), value);

    public ValueTask<double> StringIncrementAsync(RedisKey key, double value, CancellationToken cancellationToken = default) =>
        Send(CommandNames.IncrByFloat, DoubleParser.Instance, cancellationToken, key.AsValue(), value);

    public ValueTask<long> StringDecrementAsync(RedisKey key, long value = 1, CancellationToken cancellationToken = default) =>
        Send(CommandNames.DecrBy, Int64Parser.Instance, cancellationToken, key.AsValue(), value);

    public ValueTask<bool> KeyDeleteAsync(RedisKey key, CancellationToken cancellationToken = default) =>
        Send(CommandNames.Del, BooleanParser.Instance, cancellationToken, key.AsValue());

    public ValueTask<long> KeyDeleteAsync(RedisKey[] keys, CancellationToken cancellationToken = default) =>
        Send(CommandNames.Del, Int64Parser.Instance, cancellationToken, Keys(keys));

    public ValueTask<bool> KeyExistsAsync(RedisKey key, CancellationToken cancellationToken = default) =>
        Send(CommandNames.Exists, BooleanParser.Instance, cancellationToken, key.AsValue());

    public ValueTask<long> KeyExistsAsync(RedisKey[] keys, CancellationToken cancellationToken = default) =>
        Send(CommandNames.Exists, Int64Parser.Instance, cancellationToken, Keys(keys));

    public ValueTask<bool> KeyExpireAsync(RedisKey key, TimeSpan expiry, CancellationToken cancellationToken = default)
    {
        var inSeconds = expiry.Ticks % TimeSpan.TicksPerSecond == 0;
        return inSeconds
            ? Send(CommandNames.Expire, BooleanParser.Instance, cancellationToken, key.AsValue(), (long)expiry.TotalSeconds)
            : Send(CommandNames.PExpire, BooleanParser.Instance, cancellationToken, key.AsValue(), (long)expiry.TotalMilliseconds);
    }

    public ValueTask<TimeSpan?> KeyTimeToLiveAsync(RedisKey key, CancellationToken cancellationToken = default) =>
        Send(CommandNames.PTtl, TimeToLiveParser.Instance, cancellationToken, key.AsValue());

    public ValueTask<long> KeyTimeToLiveSecondsAsync(RedisKey key, CancellationToken cancellationToken = default) =>
        Send(CommandNames.Ttl, Int64Parser.Instance, cancellationToken, key.AsValue());

    // Whole seconds go as EX/EXPIRE, anything finer as PX/PEXPIRE.
    private static RedisValue[] ExpiryArguments(TimeSpan expiry, string seconds, string milliseconds)
    {
        if (expiry <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(expiry), expiry, "An expiry must be positive.");
        }

        return expiry.Ticks % TimeSpan.TicksPerSecond == 0
            ? [seconds, (long)expiry.TotalSeconds]
            : [milliseconds, (long)Math.Ceiling(expiry.TotalMilliseconds)];
    }
}
