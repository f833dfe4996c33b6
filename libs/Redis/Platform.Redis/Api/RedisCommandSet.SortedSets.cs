using Platform.Redis.Commands.Replies;
using Platform.Redis.Protocol;

namespace Platform.Redis;

internal abstract partial class RedisCommandSet
{
    public ValueTask<bool> SortedSetAddAsync(RedisKey key, RedisValue member, double score, When when = When.Always, CancellationToken cancellationToken = default) =>
        when == When.Always
            ? Send(CommandNames.ZAdd, BooleanParser.Instance, cancellationToken, key.AsValue(), score, member)
            : Send(CommandNames.ZAdd, BooleanParser.Instance, cancellationToken, key.AsValue(), WhenFlag(when), score, member);

    public ValueTask<long> SortedSetAddAsync(RedisKey key, SortedSetEntry[] values, When when = When.Always, CancellationToken cancellationToken = default)
    {
        var arguments = new List<RedisValue>(2 + (values.Length * 2)) { key.AsValue() };
        if (when != When.Always)
        {
            arguments.Add(WhenFlag(when));
        }

        foreach (var entry in values)
        {
            arguments.Add(entry.Score);
            arguments.Add(entry.Element);
        }

        return Send(CommandNames.ZAdd, Int64Parser.Instance, cancellationToken, [.. arguments]);
    }

    public ValueTask<RedisValue[]> SortedSetRangeByRankAsync(RedisKey key, long start = 0, long stop = -1, Order order = Order.Ascending, CancellationToken cancellationToken = default) =>
        Send(CommandNames.ZRange, ValueArrayParser.Instance, cancellationToken, RankRange(key, start, stop, order, withScores: false));

    public ValueTask<SortedSetEntry[]> SortedSetRangeByRankWithScoresAsync(RedisKey key, long start = 0, long stop = -1, Order order = Order.Ascending, CancellationToken cancellationToken = default) =>
        Send(CommandNames.ZRange, SortedSetEntriesParser.Instance, cancellationToken, RankRange(key, start, stop, order, withScores: true));

    public ValueTask<RedisValue[]> SortedSetRangeByScoreAsync(RedisKey key, double start = double.NegativeInfinity, double stop = double.PositiveInfinity,
        Exclude exclude = Exclude.None, Order order = Order.Ascending, long skip = 0, long take = -1, CancellationToken cancellationToken = default)
    {
        // ZRANGEBYSCORE/ZREVRANGEBYSCORE take the bounds in reading order: max first when descending.
        var (first, second) = order == Order.Ascending
            ? (Bound(start, exclude.HasFlag(Exclude.Start)), Bound(stop, exclude.HasFlag(Exclude.Stop)))
            : (Bound(stop, exclude.HasFlag(Exclude.Stop)), Bound(start, exclude.HasFlag(Exclude.Start)));
        var arguments = new List<RedisValue>(6) { key.AsValue(), first, second };
        AddLimit(arguments, skip, take);
        var name = order == Order.Ascending ? CommandNames.ZRangeByScore : CommandNames.ZRevRangeByScore;
        return Send(name, ValueArrayParser.Instance, cancellationToken, [.. arguments]);
    }

    public ValueTask<SortedSetEntry[]> SortedSetRangeByScoreWithScoresAsync(RedisKey key, double start = double.NegativeInfinity, double stop = double.PositiveInfinity,
        Exclude exclude = Exclude.None, Order order = Order.Ascending, long skip = 0, long take = -1, CancellationToken cancellationToken = default)
    {
        // ZRANGE ... BYSCORE REV also wants max before min.
        var (first, second) = order == Order.Ascending
            ? (Bound(start, exclude.HasFlag(Exclude.Start)), Bound(stop, exclude.HasFlag(Exclude.Stop)))
            : (Bound(stop, exclude.HasFlag(Exclude.Stop)), Bound(start, exclude.HasFlag(Exclude.Start)));
        var arguments = new List<RedisValue>(9) { key.AsValue(), first, second, "BYSCORE" };
        if (order == Order.Descending)
        {
            arguments.Add("REV");
        }

        AddLimit(arguments, skip, take);
        arguments.Add("WITHSCORES");
        return Send(CommandNames.ZRange, SortedSetEntriesParser.Instance, cancellationToken, [.. arguments]);
    }

    public ValueTask<bool> SortedSetRemoveAsync(RedisKey key, RedisValue member, CancellationToken cancellationToken = default) =>
        Send(CommandNames.ZRem, BooleanParser.Instance, cancellationToken, key.AsValue(), member);

    public ValueTask<long> SortedSetRemoveAsync(RedisKey key, RedisValue[] members, CancellationToken cancellationToken = default) =>
        Send(CommandNames.ZRem, Int64Parser.Instance, cancellationToken, Prepend(key.AsValue(), members));

    public ValueTask<long> SortedSetRemoveRangeByScoreAsync(RedisKey key, double start, double stop, Exclude exclude = Exclude.None, CancellationToken cancellationToken = default) =>
        Send(CommandNames.ZRemRangeByScore, Int64Parser.Instance, cancellationToken,
            key.AsValue(), Bound(start, exclude.HasFlag(Exclude.Start)), Bound(stop, exclude.HasFlag(Exclude.Stop)));

    public ValueTask<long> SortedSetLengthAsync(RedisKey key, CancellationToken cancellationToken = default) =>
        Send(CommandNames.ZCard, Int64Parser.Instance, cancellationToken, key.AsValue());

    public ValueTask<double?> SortedSetScoreAsync(RedisKey key, RedisValue member, CancellationToken cancellationToken = default) =>
        Send(CommandNames.ZScore, NullableDoubleParser.Instance, cancellationToken, key.AsValue(), member);

    public ValueTask<double> SortedSetIncrementAsync(RedisKey key, RedisValue member, double value, CancellationToken cancellationToken = default) =>
        Send(CommandNames.ZIncrBy, DoubleParser.Instance, cancellationToken, key.AsValue(), value, member);

    private static RedisValue[] RankRange(RedisKey key, long start, long stop, Order order, bool withScores)
    {
        var arguments = new List<RedisValue>(5) { key.AsValue(), start, stop };
        if (order == Order.Descending)
        {
            arguments.Add("REV");
        }

        if (withScores)
        {
            arguments.Add("WITHSCORES");
        }

        return [.. arguments];
    }

    private static RedisValue Bound(double score, bool exclusive) =>
        exclusive ? "(" + RespNumbers.FormatDouble(score) : score;

    private static void AddLimit(List<RedisValue> arguments, long skip, long take)
    {
        if (skip != 0 || take != -1)
        {
            arguments.Add("LIMIT");
            arguments.Add(skip);
            arguments.Add(take);
        }
    }

    private static RedisValue WhenFlag(When when) => when == When.NotExists ? "NX" : "XX";
}
