namespace Platform.Redis;

public partial interface IRedisCommands
{
    /// <summary>HGET; null when the field or key does not exist.</summary>
    ValueTask<RedisValue> HashGetAsync(RedisKey key, RedisValue hashField, CancellationToken cancellationToken = default);

    /// <summary>HMGET; one value per field, null for missing fields.</summary>
    ValueTask<RedisValue[]> HashGetAsync(RedisKey key, RedisValue[] hashFields, CancellationToken cancellationToken = default);

    /// <summary>HSET of one field; true when the field is new.</summary>
    ValueTask<bool> HashSetAsync(RedisKey key, RedisValue hashField, RedisValue value, CancellationToken cancellationToken = default);

    /// <summary>HSET of several fields; how many were new.</summary>
    ValueTask<long> HashSetAsync(RedisKey key, HashEntry[] hashFields, CancellationToken cancellationToken = default);

    /// <summary>HGETALL; empty when the key does not exist.</summary>
    ValueTask<HashEntry[]> HashGetAllAsync(RedisKey key, CancellationToken cancellationToken = default);

    /// <summary>HINCRBY.</summary>
    ValueTask<long> HashIncrementAsync(RedisKey key, RedisValue hashField, long value = 1, CancellationToken cancellationToken = default);

    /// <summary>HINCRBYFLOAT.</summary>
    ValueTask<double> HashIncrementAsync(RedisKey key, RedisValue hashField, double value, CancellationToken cancellationToken = default);

    /// <summary>HDEL of one field; true when it existed.</summary>
    ValueTask<bool> HashDeleteAsync(RedisKey key, RedisValue hashField, CancellationToken cancellationToken = default);

    /// <summary>HDEL; how many fields existed.</summary>
    ValueTask<long> HashDeleteAsync(RedisKey key, RedisValue[] hashFields, CancellationToken cancellationToken = default);
}
