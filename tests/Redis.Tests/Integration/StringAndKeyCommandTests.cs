using System.Text;
using Platform.Testing.Redis;

namespace Platform.Redis.Tests.Integration;

public sealed class StringAndKeyCommandTests(RedisServerFixture redis) : SharedServerTest(redis)
{
    [Fact]
    public async Task Set_and_get_round_trip_text_bytes_and_numbers()
    {
        byte[] binary = [0, 255, 13, 10, 7];
        await Db.StringSetAsync(Key("text"), "héllo");
        await Db.StringSetAsync(Key("bytes"), binary);
        await Db.StringSetAsync(Key("number"), 42);
        await Db.StringSetAsync(Encoding.UTF8.GetBytes(Key("binary-key")), "by bytes");

        Assert.Equal("héllo", (string?)await Db.StringGetAsync(Key("text")));
        Assert.Equal(binary, (byte[]?)await Db.StringGetAsync(Key("bytes")));
        Assert.Equal(42, (long)await Db.StringGetAsync(Key("number")));
        Assert.Equal("by bytes", (string?)await Db.StringGetAsync(Key("binary-key")));
        Assert.True((await Db.StringGetAsync(Key("missing"))).IsNull);
    }

    [Fact]
    public async Task Set_honours_NX_XX_and_expiry()
    {
        Assert.False(await Db.StringSetAsync(Key("k"), "x", when: When.Exists));
        Assert.True(await Db.StringSetAsync(Key("k"), "1", when: When.NotExists));
        Assert.False(await Db.StringSetAsync(Key("k"), "2", when: When.NotExists));
        Assert.True(await Db.StringSetAsync(Key("k"), "3", TimeSpan.FromSeconds(100), When.Exists));

        var ttl = await Db.KeyTimeToLiveAsync(Key("k"));
        Assert.InRange(ttl!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(100));
        Assert.InRange(await Db.KeyTimeToLiveSecondsAsync(Key("k")), 1, 100);

        await Db.StringSetAsync(Key("px"), "v", TimeSpan.FromMilliseconds(90_500));
        Assert.InRange((await Db.KeyTimeToLiveAsync(Key("px")))!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(90_500));
    }

    [Fact]
    public async Task Mget_del_exists_and_expire()
    {
        await Db.StringSetAsync(Key("a"), "1");
        await Db.StringSetAsync(Key("b"), "2");

        var values = await Db.StringGetAsync([Key("a"), Key("nope"), Key("b")]);
        Assert.Equal(["1", null, "2"], values.Select(v => (string?)v));
        Assert.Equal(2, await Db.KeyExistsAsync([Key("a"), Key("b"), Key("nope")]));
        Assert.True(await Db.KeyExistsAsync(Key("a")));

        Assert.Null(await Db.KeyTimeToLiveAsync(Key("a")));
        Assert.Equal(-1, await Db.KeyTimeToLiveSecondsAsync(Key("a")));
        Assert.True(await Db.KeyExpireAsync(Key("a"), TimeSpan.FromSeconds(50)));
        Assert.True(await Db.KeyExpireAsync(Key("b"), TimeSpan.FromMilliseconds(50_500)));
        Assert.False(await Db.KeyExpireAsync(Key("nope"), TimeSpan.FromSeconds(5)));
        Assert.NotNull(await Db.KeyTimeToLiveAsync(Key("b")));

        Assert.True(await Db.KeyDeleteAsync(Key("a")));
        Assert.False(await Db.KeyDeleteAsync(Key("a")));
        Assert.Equal(1, await Db.KeyDeleteAsync([Key("a"), Key("b")]));
        Assert.Equal(-2, await Db.KeyTimeToLiveSecondsAsync(Key("b")));
    }

    [Fact]
    public async Task Increments_and_decrements()
    {
        Assert.Equal(5, await Db.StringIncrementAsync(Key("i"), 5));
        Assert.Equal(6, await Db.StringIncrementAsync(Key("i")));
        Assert.Equal(3, await Db.StringDecrementAsync(Key("i"), 3));
        Assert.Equal(2, await Db.StringDecrementAsync(Key("i")));
        Assert.Equal(2.75, await Db.StringIncrementAsync(Key("i"), 0.75));
    }

    [Fact]
    public async Task Server_errors_carry_the_redis_error_prefix()
    {
        await Db.HashSetAsync(Key("hash"), "f", "v");

        var error = await Assert.ThrowsAsync<RedisServerException>(async () => await Db.StringIncrementAsync(Key("hash")));

        Assert.Equal("WRONGTYPE", error.ErrorPrefix);
        Assert.Contains("wrong kind of value", error.Message);
        Assert.Equal("v", (string?)await Db.HashGetAsync(Key("hash"), "f")); // connection still in step
    }

    [Fact]
    public async Task Ping_execute_and_flush_guard()
    {
        Assert.True(await Db.PingAsync() >= TimeSpan.Zero);

        var echo = await Db.ExecuteAsync("ECHO", "hi");
        Assert.Equal(RedisResultType.BulkString, echo.Type);
        Assert.Equal("hi", (string?)echo);

        var list = await Db.ExecuteAsync("LRANGE", Key("none"), 0, -1);
        Assert.Equal(RedisResultType.Array, list.Type);
        Assert.Equal(0, list.Length);

        var unknown = await Assert.ThrowsAsync<RedisServerException>(async () => await Db.ExecuteAsync("NOSUCHCOMMAND"));
        Assert.Equal("ERR", unknown.ErrorPrefix);

        // FLUSHDB on the shared server would wipe other tests' keys: only check the guard here.
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await Db.FlushDatabaseAsync());
    }
}
