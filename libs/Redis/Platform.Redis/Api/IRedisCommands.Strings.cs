namespace Platform.Redis;

public partial interface IRedisCommands
{
    /// <summary>GET; null when the key does not exist.</summary>
    ValueTask<RedisValue> StringGetAsync(RedisKey key, CancellationToken cancellationToken = default);

    /// <summary>MGET; one value per key, null for missing keys.</summary>
    ValueTask<RedisValue[]> StringGetAsync(RedisKey[] keys, CancellationToken cancellationToken = default);

    /// <summary>SET with optional EX/PX (whole seconds use EX) and NX/XX; false when NX/XX prevented the write.</summary>
    ValueTask<bool> StringSetAsync(RedisKey key, RedisValue value, TimeSpan? expiry = null, When when = When.Always, CancellationToken cancellationToken = default);

    /// <summary>INCRBY.</summary>
    ValueTask<long> StringIncrementAsync(RedisKey key, long value = 1, CancellationToken cancellationToken = default);

    /// <summary>INCRBYFLOAT.</summary>
    ValueTask<double> StringIncrementAsync(RedisKey key, double value, CancellationToken cancellationToken = default);

    /// <summary>DECRBY.</summary>
    ValueTask<long> StringDecrementAsync(RedisKey key, long value = 1, CancellationToken cancellationToken = default);

    /// <summary>DEL of one key; true when it existed.</summary>
    ValueTask<bool> KeyDeleteAsync(RedisKey key, CancellationToken cancellationToken = default);

    /// <summary>DEL; how many keys existed.</summary>
    ValueTask<long> KeyDeleteAsync(RedisKey[] keys, CancellationToken cancellationToken = default);

    /// <summary>EXISTS of one key.</summary>
    ValueTask<bool> KeyExistsAsync(RedisKey key, CancellationToken cancellationToken = default);

    /// <summary>EXISTS; how many of the keys exist.</summary>
    ValueTask<long> KeyExistsAsync(RedisKey[] keys, CancellationToken cancellationToken = default);

    /// <summary>EXPIRE (whole seconds) or PEXPIRE; false when the key does not exist.</summary>
    ValueTask<bool> KeyExpireAsync(RedisKey key, TimeSpan expiry, CancellationToken cancellationToken = default);

    /// <summary>PTTL; null when the key is missing or has no expiry.</summary>
    ValueTask<TimeSpan?> KeyTimeToLiveAsync(RedisKey key, CancellationToken cancellationToken = default);

    /// <summary>TTL in whole seconds as Redis reports it: -2 missing key, -1 no expiry.</summary>
    ValueTask<long> KeyTimeToLiveSecondsAsync(RedisKey key, CancellationToken cancellationToken = default);
}
