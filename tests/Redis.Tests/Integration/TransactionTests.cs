using Platform.Testing.Redis;

namespace Platform.Redis.Tests.Integration;

public sealed class TransactionTests(RedisServerFixture redis) : SharedServerTest(redis)
{
    [Fact]
    public async Task Queued_commands_run_together_and_complete_after_exec()
    {
        var transaction = Db.CreateTransaction();
        var set = transaction.StringSetAsync(Key("a"), "1");
        var increment = transaction.StringIncrementAsync(Key("a"), 10);
        var hash = transaction.HashSetAsync(Key("h"), "f", "v");
        var get = transaction.StringGetAsync(Key("a"));

        Assert.True(await transaction.ExecuteAsync());
        Assert.True(await set);
        Assert.Equal(11, await increment);
        Assert.True(await hash);
        Assert.Equal("11", (string?)await get);
    }

    [Fact]
    public async Task A_runtime_error_fails_only_its_command()
    {
        await Db.HashSetAsync(Key("h"), "f", "v");
        var transaction = Db.CreateTransaction();
        var wrongType = transaction.StringIncrementAsync(Key("h"));
        var fine = transaction.StringSetAsync(Key("ok"), "yes");

        Assert.True(await transaction.ExecuteAsync());
        Assert.Equal("WRONGTYPE", (await Assert.ThrowsAsync<RedisServerException>(async () => await wrongType)).ErrorPrefix);
        Assert.True(await fine);
    }

    [Fact]
    public async Task A_command_rejected_while_queueing_aborts_the_whole_transaction()
    {
        var transaction = Db.CreateTransaction();
        var good = transaction.StringSetAsync(Key("never"), "x");
        var bad = transaction.ExecuteAsync("SET", Key("only-key")); // wrong number of arguments

        var error = await Assert.ThrowsAsync<RedisServerException>(async () => await transaction.ExecuteAsync());
        Assert.Equal("EXECABORT", error.ErrorPrefix);
        await Assert.ThrowsAsync<RedisServerException>(async () => await good);
        Assert.Equal("ERR", (await Assert.ThrowsAsync<RedisServerException>(async () => await bad)).ErrorPrefix);
        Assert.False(await Db.KeyExistsAsync(Key("never")));
        Assert.True(await Db.PingAsync() >= TimeSpan.Zero);
    }

    [Fact]
    public async Task Scripts_in_a_transaction_are_sent_with_their_source()
    {
        var script = new LuaScript("return redis.call('INCR', KEYS[1]) + 100");
        var transaction = Db.CreateTransaction();
        var result = transaction.ScriptEvaluateAsync(script, [Key("s")]);

        Assert.True(await transaction.ExecuteAsync());
        Assert.Equal(101, (long)await result);
    }
}
