using Platform.Testing.Redis;

namespace Platform.Redis.Tests.Integration;

public sealed class HashAndSortedSetCommandTests(RedisServerFixture redis) : SharedServerTest(redis)
{
    [Fact]
    public async Task Hash_commands()
    {
        Assert.True(await Db.HashSetAsync(Key("h"), "a", "1"));
        Assert.False(await Db.HashSetAsync(Key("h"), "a", "2"));
        Assert.Equal(2, await Db.HashSetAsync(Key("h"), [new HashEntry("b", 10), new HashEntry("c", 1.5)]));

        Assert.Equal("2", (string?)await Db.HashGetAsync(Key("h"), "a"));
        Assert.True((await Db.HashGetAsync(Key("h"), "zz")).IsNull);
        Assert.Equal(["2", null, "10"], (await Db.HashGetAsync(Key("h"), ["a", "zz", "b"])).Select(v => (string?)v));
        Assert.Equal(15, await Db.HashIncrementAsync(Key("h"), "b", 5));
        Assert.Equal(2.0, await Db.HashIncrementAsync(Key("h"), "c", 0.5));

        var all = await Db.HashGetAllAsync(Key("h"));
        Assert.Equal(
            new Dictionary<string, string> { ["a"] = "2", ["b"] = "15", ["c"] = "2" },
            all.ToDictionary(e => (string)e.Name!, e => (string)e.Value!));

        Assert.True(await Db.HashDeleteAsync(Key("h"), "a"));
        Assert.Equal(1, await Db.HashDeleteAsync(Key("h"), ["a", "b"]));
        Assert.Empty(await Db.HashGetAllAsync(Key("nothing")));
    }

    [Fact]
    public async Task Sorted_set_commands()
    {
        Assert.True(await Db.SortedSetAddAsync(Key("z"), "a", 1));
        Assert.Equal(3, await Db.SortedSetAddAsync(Key("z"), [new SortedSetEntry("b", 2), new SortedSetEntry("c", 3), new SortedSetEntry("d", 4)]));
        Assert.False(await Db.SortedSetAddAsync(Key("z"), "a", 100, When.NotExists));
        Assert.False(await Db.SortedSetAddAsync(Key("z"), "new", 1, When.Exists));

        Assert.Equal(4, await Db.SortedSetLengthAsync(Key("z")));
        Assert.Equal(1, await Db.SortedSetScoreAsync(Key("z"), "a"));
        Assert.Null(await Db.SortedSetScoreAsync(Key("z"), "nope"));
        Assert.Equal(1.5, await Db.SortedSetIncrementAsync(Key("z"), "a", 0.5));

        Assert.Equal("a,b,c,d", Strings(await Db.SortedSetRangeByRankAsync(Key("z"))));
        Assert.Equal("d,c", Strings(await Db.SortedSetRangeByRankAsync(Key("z"), 0, 1, Order.Descending)));
        var withScores = await Db.SortedSetRangeByRankWithScoresAsync(Key("z"), 0, 1);
        Assert.Equal([new SortedSetEntry("a", 1.5), new SortedSetEntry("b", 2)], withScores);

        Assert.Equal("b,c", Strings(await Db.SortedSetRangeByScoreAsync(Key("z"), 2, 3)));
        Assert.Equal("c", Strings(await Db.SortedSetRangeByScoreAsync(Key("z"), 2, 3, Exclude.Start)));
        Assert.Equal("d,c", Strings(await Db.SortedSetRangeByScoreAsync(Key("z"), 2, 4, order: Order.Descending, take: 2)));
        Assert.Equal("c,d", Strings(await Db.SortedSetRangeByScoreAsync(Key("z"), skip: 2)));
        var byScore = await Db.SortedSetRangeByScoreWithScoresAsync(Key("z"), 2, double.PositiveInfinity, order: Order.Descending, skip: 1, take: 1);
        Assert.Equal([new SortedSetEntry("c", 3)], byScore);

        Assert.True(await Db.SortedSetRemoveAsync(Key("z"), "a"));
        Assert.Equal(1, await Db.SortedSetRemoveAsync(Key("z"), ["a", "b"]));
        Assert.Equal(1, await Db.SortedSetRemoveRangeByScoreAsync(Key("z"), 3, 4, Exclude.Stop));
        Assert.Equal("d", Strings(await Db.SortedSetRangeByRankAsync(Key("z"))));
    }

    private static string Strings(RedisValue[] values) => string.Join(",", values.Select(v => (string?)v ?? "nil"));
}
