using Platform.Testing.Redis;

namespace Platform.Redis.Tests.Integration;

/// <summary>Replies resume callers in batches off the reader loop; a caller that blocks must not wedge the others.</summary>
public sealed class CompletionTests(RedisServerFixture redis) : SharedServerTest(redis)
{
    [Fact]
    public async Task A_continuation_that_blocks_on_a_later_reply_in_the_same_batch_does_not_deadlock()
    {
        await Db.StringSetAsync(Key("a"), "1");
        await Db.StringSetAsync(Key("b"), "2");

        // Both replies usually arrive in one read, so "b" is queued behind "a" in one completion batch;
        // "a"'s synchronous continuation waits for "b". The watchdog must hand "b" to another thread.
        var first = Db.StringGetAsync(Key("a")).AsTask();
        var second = Db.StringGetAsync(Key("b")).AsTask();
        var combined = first.ContinueWith(a => (string?)a.Result + (string?)second.Result, TaskContinuationOptions.ExecuteSynchronously);

        Assert.Equal("12", await combined.WaitAsync(TimeSpan.FromSeconds(60)));
    }

    [Fact]
    public async Task Sync_over_async_inside_a_continuation_still_completes()
    {
        await Db.StringSetAsync(Key("x"), "x");
        var result = await Db.StringGetAsync(Key("x")).AsTask()
            .ContinueWith(_ => (string?)Db.StringGetAsync(Key("x")).AsTask().Result, TaskContinuationOptions.ExecuteSynchronously)
            .WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal("x", result);
    }
}
