namespace Platform.Redis;

public partial interface IRedisCommands
{
    /// <summary>ZADD of one member (NX/XX via <paramref name="when"/>); true when the member is new.</summary>
    ValueTask<bool> SortedSetAddAsync(RedisKey key, RedisValue member, double score, When when = When.Always, CancellationToken cancellationToken = default);

    /// <summary>ZADD of several members; how many were new.</summary>
    ValueTask<long> SortedSetAddAsync(RedisKey key, SortedSetEntry[] values, When when = When.Always, CancellationToken cancellationToken = default);

    /// <summary>ZRANGE by rank (REV for descending).</summary>
    ValueTask<RedisValue[]> SortedSetRangeByRankAsync(RedisKey key, long start = 0, long stop = -1, Order order = Order.Ascending, CancellationToken cancellationToken = default);

    /// <summary>ZRANGE by rank WITHSCORES.</summary>
    ValueTask<SortedSetEntry[]> SortedSetRangeByRankWithScoresAsync(RedisKey key, long start = 0, long stop = -1, Order order = Order.Ascending, CancellationToken cancellationToken = default);

    /// <summary>ZRANGEBYSCORE / ZREVRANGEBYSCORE with optional LIMIT (<paramref name="take"/> -1 means all).</summary>
    ValueTask<RedisValue[]> SortedSetRangeByScoreAsync(RedisKey key, double start = double.NegativeInfinity, double stop = double.PositiveInfinity,
        Exclude exclude = Exclude.None, Order order = Order.Ascending, long skip = 0, long take = -1, CancellationToken cancellationToken = default);

    /// <summary>ZRANGE ... BYSCORE [REV] [LIMIT] WITHSCORES.</summary>
    ValueTask<SortedSetEntry[]> SortedSetRangeByScoreWithScoresAsync(RedisKey key, double start = double.NegativeInfinity, double stop = double.PositiveInfinity,
        Exclude exclude = Exclude.None, Order order = Order.Ascending, long skip = 0, long take = -1, CancellationToken cancellationToken = default);

    /// <summary>ZREM of one member; true when it existed.</summary>
    ValueTask<bool> SortedSetRemoveAsync(RedisKey key, RedisValue member, CancellationToken cancellationToken = default);

    /// <summary>ZREM; how many members existed.</summary>
    ValueTask<long> SortedSetRemoveAsync(RedisKey key, RedisValue[] members, CancellationToken cancellationToken = default);

    /// <summary>ZREMRANGEBYSCORE; how many members were removed.</summary>
    ValueTask<long> SortedSetRemoveRangeByScoreAsync(RedisKey key, double start, double stop, Exclude exclude = Exclude.None, CancellationToken cancellationToken = default);

    /// <summary>ZCARD.</summary>
    ValueTask<long> SortedSetLengthAsync(RedisKey key, CancellationToken cancellationToken = default);

    /// <summary>ZSCORE; null when the member does not exist.</summary>
    ValueTask<double?> SortedSetScoreAsync(RedisKey key, RedisValue member, CancellationToken cancellationToken = default);

    /// <summary>ZINCRBY; the new score.</summary>
    ValueTask<double> SortedSetIncrementAsync(RedisKey key, RedisValue member, double value, CancellationToken cancellationToken = default);
}
