using Platform.Testing.Redis;

namespace Platform.Redis.Tests.Integration;

public sealed class ScriptTests(RedisServerFixture redis) : SharedServerTest(redis)
{
    private static readonly LuaScript IncrementAndRead = new("""
        local value = redis.call('INCRBY', KEYS[1], ARGV[1])
        return {value, ARGV[2]}
        """);

    [Fact]
    public async Task The_sha_we_compute_is_the_one_redis_reports()
    {
        Assert.Equal(IncrementAndRead.Sha1, await Db.ScriptLoadAsync(IncrementAndRead.Source));
    }

    [Fact]
    public async Task After_SCRIPT_FLUSH_evalsha_reloads_the_script_transparently()
    {
        var first = await Db.ScriptEvaluateAsync(IncrementAndRead, [Key("counter")], [5, "tag"]);
        Assert.Equal(5, (long)first[0]);
        Assert.Equal("tag", (string?)first[1]);

        await Db.ExecuteAsync("SCRIPT", "FLUSH");
        Assert.Equal(0, (long)(await Db.ExecuteAsync("SCRIPT", "EXISTS", IncrementAndRead.Sha1))[0]);

        var second = await Db.ScriptEvaluateAsync(IncrementAndRead, [Key("counter")], [2, "again"]);
        Assert.Equal(7, (long)second[0]);
        Assert.Equal(1, (long)(await Db.ExecuteAsync("SCRIPT", "EXISTS", IncrementAndRead.Sha1))[0]);
    }

    [Fact]
    public async Task Script_results_and_errors()
    {
        var nested = await Db.ScriptEvaluateAsync("return {1, 'two', {3}, false}");
        Assert.Equal(RedisResultType.Array, nested.Type);
        Assert.Equal(1, (long)nested[0]);
        Assert.Equal("two", (string?)nested[1]);
        Assert.Equal(3, (long)nested[2][0]);
        Assert.True(nested[3].IsNull);

        var error = await Assert.ThrowsAsync<RedisServerException>(
            async () => await Db.ScriptEvaluateAsync(new LuaScript("return redis.error_reply('BUDGET exceeded')")));
        Assert.Equal("BUDGET", error.ErrorPrefix);
    }
}
