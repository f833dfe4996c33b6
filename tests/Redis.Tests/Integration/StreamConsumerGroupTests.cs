using Platform.Testing.Redis;

namespace Platform.Redis.Tests.Integration;

public sealed class StreamConsumerGroupTests(RedisServerFixture redis) : SharedServerTest(redis)
{
    [Fact]
    public async Task A_dead_consumers_pending_entries_are_claimed_by_another_and_acknowledged()
    {
        var stream = Key("events");
        Assert.True(await Db.StreamCreateConsumerGroupAsync(stream, "workers", "0"));
        Assert.False(await Db.StreamCreateConsumerGroupAsync(stream, "workers", "0")); // BUSYGROUP is not an error

        var ids = new List<RedisValue>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await Db.StreamAddAsync(stream, [new NameValueEntry("n", i), new NameValueEntry("kind", "test")], maxLength: 1000, useApproximateMaxLength: true));
        }

        // "dead" takes three entries and never acknowledges them; "alive" processes the rest.
        var taken = await Db.StreamReadGroupAsync(stream, "workers", "dead", count: 3);
        Assert.Equal(ids.Take(3), taken.Select(e => e.Id));
        Assert.Equal("0", (string?)taken[0]["n"]);
        var rest = await Db.StreamReadGroupAsync(stream, "workers", "alive");
        Assert.Equal(2, rest.Length);
        Assert.Equal(2, await Db.StreamAcknowledgeAsync(stream, "workers", rest.Select(e => e.Id).ToArray()));

        var summary = await Db.StreamPendingAsync(stream, "workers");
        Assert.Equal(3, summary.PendingMessageCount);
        Assert.Equal(ids[0], summary.LowestPendingMessageId);
        Assert.Equal(ids[2], summary.HighestPendingMessageId);
        Assert.Equal([new StreamConsumer("dead", 3)], summary.Consumers);

        var details = await Db.StreamPendingMessagesAsync(stream, "workers", 10, "dead");
        Assert.Equal(ids.Take(3), details.Select(d => d.MessageId));
        Assert.All(details, d => Assert.Equal(1, d.DeliveryCount));
        Assert.All(details, d => Assert.Equal("dead", (string?)d.ConsumerName));

        // Once the entries have been idle long enough, "alive" claims them.
        var claimed = await ClaimWhenIdleAsync(stream, minIdleMs: 50);
        Assert.Equal(ids.Take(3), claimed.ClaimedEntries.Select(e => e.Id));
        Assert.Equal("2", (string?)claimed.ClaimedEntries[2]["n"]);
        Assert.Empty(claimed.DeletedIds);
        Assert.Equal(3, await Db.StreamAcknowledgeAsync(stream, "workers", claimed.ClaimedEntries.Select(e => e.Id).ToArray()));

        Assert.Equal(0, (await Db.StreamPendingAsync(stream, "workers")).PendingMessageCount);
        Assert.Empty(await Db.StreamPendingMessagesAsync(stream, "workers", 10));
    }

    [Fact]
    public async Task Xclaim_moves_specific_entries_and_reading_zero_replays_own_pending()
    {
        var stream = Key("claims");
        await Db.StreamCreateConsumerGroupAsync(stream, "g", "$");
        var id = await Db.StreamAddAsync(stream, "field", "value");
        await Db.StreamReadGroupAsync(stream, "g", "first");

        var moved = await Db.StreamClaimAsync(stream, "g", "second", 0, [id]);
        Assert.Equal(id, Assert.Single(moved).Id);

        var replay = await Db.StreamReadGroupAsync(stream, "g", "second", position: "0");
        Assert.Equal("value", (string?)Assert.Single(replay)["field"]);
        Assert.Empty(await Db.StreamReadGroupAsync(stream, "g", "first", position: "0"));
        Assert.Equal(1, await Db.StreamAcknowledgeAsync(stream, "g", id));
    }

    [Fact]
    public async Task Range_length_and_trim()
    {
        var stream = Key("log");
        for (var i = 0; i < 10; i++)
        {
            await Db.StreamAddAsync(stream, "i", i, messageId: $"{i + 1}-0");
        }

        Assert.Equal(10, await Db.StreamLengthAsync(stream));
        Assert.Equal(["1-0", "2-0"], (await Db.StreamRangeAsync(stream, count: 2)).Select(e => (string?)e.Id));
        Assert.Equal(["10-0", "9-0"], (await Db.StreamRangeAsync(stream, count: 2, messageOrder: Order.Descending)).Select(e => (string?)e.Id));
        Assert.Equal(["3-0", "4-0"], (await Db.StreamRangeAsync(stream, "3-0", "4-0")).Select(e => (string?)e.Id));

        Assert.Equal(7, await Db.StreamTrimAsync(stream, 3));
        Assert.Equal(3, await Db.StreamLengthAsync(stream));
        Assert.True(await Db.StreamTrimAsync(stream, 0, useApproximateMaxLength: true) >= 0);
        Assert.Empty(await Db.StreamRangeAsync(Key("no-stream")));
    }

    [Fact]
    public async Task A_blocking_read_waits_on_its_own_connection_without_stalling_other_commands()
    {
        var stream = Key("blocking");
        await Db.StreamCreateConsumerGroupAsync(stream, "g", "$");

        var read = Db.StreamReadGroupAsync(stream, "g", "c", block: TimeSpan.FromSeconds(60)).AsTask();
        for (var i = 0; i < 20; i++)
        {
            await Db.PingAsync(); // would queue behind the BLOCK if it shared the pipeline
        }

        Assert.False(read.IsCompleted);
        var id = await Db.StreamAddAsync(stream, "wake", "up");
        var entries = await read;
        Assert.Equal(id, Assert.Single(entries).Id);
    }

    [Fact]
    public async Task Disposing_the_connection_ends_a_blocking_read_with_a_connection_error()
    {
        var stream = Key("disposed");
        await Db.StreamCreateConsumerGroupAsync(stream, "g", "$");
        var other = await RedisConnection.ConnectAsync(Redis.ConnectionString);

        var read = other.GetDatabase().StreamReadGroupAsync(stream, "g", "c", block: TimeSpan.FromSeconds(60)).AsTask();
        await Db.PingAsync();
        await other.DisposeAsync();

        var error = await Record.ExceptionAsync(() => read.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.True(error is RedisConnectionException or ObjectDisposedException, $"unexpected: {error}");
    }

    [Fact]
    public async Task A_blocking_read_that_times_out_on_the_server_returns_nothing()
    {
        var stream = Key("quiet");
        await Db.StreamCreateConsumerGroupAsync(stream, "g", "$");

        Assert.Empty(await Db.StreamReadGroupAsync(stream, "g", "c", block: TimeSpan.FromMilliseconds(100)));
        Assert.Empty(await Db.StreamReadGroupAsync(stream, "g", "c", count: 10, block: TimeSpan.FromMilliseconds(100), noAck: true));
    }

    [Fact]
    public async Task Reading_from_a_missing_group_is_a_NOGROUP_error()
    {
        var error = await Assert.ThrowsAsync<RedisServerException>(
            async () => await Db.StreamReadGroupAsync(Key("s"), "nogroup", "c", block: TimeSpan.FromMilliseconds(100)));
        Assert.Equal("NOGROUP", error.ErrorPrefix);
    }

    private async Task<StreamAutoClaimResult> ClaimWhenIdleAsync(string stream, long minIdleMs)
    {
        // Bounded wait for the server's idle clock; the assertion is on what is claimed, not when.
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var result = await Db.StreamAutoClaimAsync(stream, "workers", "alive", minIdleMs, "0-0", count: 10);
            if (result.ClaimedEntries.Length == 3)
            {
                return result;
            }

            Assert.Empty(result.ClaimedEntries);
            await Task.Delay(50);
        }

        throw new TimeoutException("The pending entries never became idle enough to claim.");
    }
}
