using Google.Protobuf;
using Platform.Metrics.Tests.Infrastructure;
using Platform.Metrics.V1;
using Platform.Redis;
using Platform.Testing.Postgres;
using Platform.Testing.Redis;
using Xunit;

namespace Platform.Metrics.Tests.Ingestion;

public sealed class StreamIngestionTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Published_events_are_stored_once_with_rollups_that_add_up()
    {
        var run = NewRun();
        var database = await NewDatabaseAsync();
        var redisServer = await SharedRedisServer.GetAsync();
        await using var redis = await RedisConnection.ConnectAsync(redisServer.ConnectionString);
        var db = redis.GetDatabase();
        var events = new CallEventGenerator(1, run.Prefix, DateTime.UtcNow.AddHours(-3), TimeSpan.FromHours(3)).Generate(20_000).ToList();

        // Producers retry: some events arrive twice, some entries are garbage.
        await StreamPublisher.PublishAsync(db, run.Stream, events);
        await StreamPublisher.PublishAsync(db, run.Stream, events.Take(500));
        await StreamPublisher.PublishPayloadsAsync(db, run.Stream, [new byte[] { 0xFF, 0xFF, 0xFF }, new CallEvent { EventId = "no-status" }.ToByteArray()]);

        await using var host = await EngineHost.StartAsync(redisServer.ConnectionString, database.ConnectionString, run.Settings());
        var metricsDb = new MetricsDatabase(database.ConnectionString);

        Assert.Equal(events.Count, await MetricsDatabase.WaitForAsync(() => metricsDb.CountEventsAsync(run.Prefix), events.Count, Patience));
        foreach (var grain in new short[] { 1, 2, 3 })
        {
            Assert.Equal(events.Count, await metricsDb.SumRollupAsync("model_rollups", "request_count", grain));
            Assert.Equal(events.Count, await metricsDb.SumRollupAsync("agent_rollups", "request_count", grain));
            Assert.Equal(events.Sum(e => e.CostMicros), await metricsDb.SumRollupAsync("model_rollups", "cost_micros", grain));
            Assert.Equal(events.Sum(e => e.InputTokens), await metricsDb.SumRollupAsync("agent_rollups", "input_tokens", grain));
        }

        Assert.Equal(2, await MetricsDatabase.WaitForAsync(() => db.StreamLengthAsync(run.DeadLetter).AsTask(), 2, Patience));
        Assert.Equal(0, await MetricsDatabase.WaitForAsync(async () => (await db.StreamPendingAsync(run.Stream, "metrics")).PendingMessageCount, 0, Patience));
    }

    [Fact]
    public async Task Two_replicas_share_the_stream_and_store_everything_once()
    {
        var run = NewRun();
        var database = await NewDatabaseAsync();
        var redisServer = await SharedRedisServer.GetAsync();
        await using var redis = await RedisConnection.ConnectAsync(redisServer.ConnectionString);
        var events = new CallEventGenerator(4, run.Prefix, DateTime.UtcNow.AddMinutes(-5), TimeSpan.FromMinutes(5)).Generate(40_000).ToList();

        // Small batches and two loops each: the replicas' transactions overlap on the same roll-up rows.
        await using var first = await EngineHost.StartAsync(redisServer.ConnectionString, database.ConnectionString,
            run.Settings(("Metrics:Ingestion:ConsumerName", "replica-1"), ("Metrics:Ingestion:BatchSize", "1000")));
        await using var second = await EngineHost.StartAsync(redisServer.ConnectionString, database.ConnectionString,
            run.Settings(("Metrics:Ingestion:ConsumerName", "replica-2"), ("Metrics:Ingestion:BatchSize", "1000")));
        await StreamPublisher.PublishAsync(redis.GetDatabase(), run.Stream, events);
        var metricsDb = new MetricsDatabase(database.ConnectionString);

        Assert.Equal(events.Count, await MetricsDatabase.WaitForAsync(() => metricsDb.CountEventsAsync(run.Prefix), events.Count, Patience));
        foreach (var table in new[] { "model_rollups", "agent_rollups", "agent_model_rollups" })
            Assert.Equal(events.Sum(e => e.CostMicros), await metricsDb.SumRollupAsync(table, "cost_micros", 1));
        var stored = await metricsDb.ScalarAsync("SELECT count(*) FROM metrics.call_events");
        Assert.Equal(events.Count, stored);
    }

    [Fact]
    public async Task Entries_left_pending_by_a_dead_consumer_are_taken_over()
    {
        var run = NewRun();
        var database = await NewDatabaseAsync();
        var redisServer = await SharedRedisServer.GetAsync();
        await using var redis = await RedisConnection.ConnectAsync(redisServer.ConnectionString);
        var db = redis.GetDatabase();
        var events = new CallEventGenerator(2, run.Prefix, DateTime.UtcNow.AddMinutes(-30), TimeSpan.FromMinutes(30)).Generate(3_000).ToList();
        await StreamPublisher.PublishAsync(db, run.Stream, events);

        // A consumer that read everything and died before acknowledging.
        await db.StreamCreateConsumerGroupAsync(run.Stream, "metrics", "0");
        var taken = await db.StreamReadGroupAsync(run.Stream, "metrics", "crashed-replica", ">", 10_000);
        Assert.Equal(events.Count, taken.Length);

        await using var host = await EngineHost.StartAsync(redisServer.ConnectionString, database.ConnectionString, run.Settings());
        var metricsDb = new MetricsDatabase(database.ConnectionString);

        Assert.Equal(events.Count, await MetricsDatabase.WaitForAsync(() => metricsDb.CountEventsAsync(run.Prefix), events.Count, Patience));
        Assert.Equal(0, await MetricsDatabase.WaitForAsync(async () => (await db.StreamPendingAsync(run.Stream, "metrics")).PendingMessageCount, 0, Patience));
    }

    [Fact]
    public async Task Acknowledged_entries_are_trimmed_from_the_stream()
    {
        var run = NewRun();
        var database = await NewDatabaseAsync();
        var redisServer = await SharedRedisServer.GetAsync();
        await using var redis = await RedisConnection.ConnectAsync(redisServer.ConnectionString);
        var db = redis.GetDatabase();
        var events = new CallEventGenerator(3, run.Prefix, DateTime.UtcNow.AddMinutes(-10), TimeSpan.FromMinutes(10)).Generate(5_000).ToList();
        await StreamPublisher.PublishAsync(db, run.Stream, events);

        await using var host = await EngineHost.StartAsync(redisServer.ConnectionString, database.ConnectionString, run.Settings());
        var metricsDb = new MetricsDatabase(database.ConnectionString);
        Assert.Equal(events.Count, await MetricsDatabase.WaitForAsync(() => metricsDb.CountEventsAsync(run.Prefix), events.Count, Patience));

        // Approximate trimming keeps at most one partly-acknowledged macro node (100 entries by default).
        var length = await MetricsDatabase.WaitForAsync(async () => Math.Min(await db.StreamLengthAsync(run.Stream), 100), 100, TimeSpan.FromSeconds(1));
        var deadline = DateTime.UtcNow + Patience;
        long remaining;
        while ((remaining = await db.StreamLengthAsync(run.Stream)) > 100 && DateTime.UtcNow < deadline)
            await Task.Delay(250);
        Assert.True(remaining <= 100, $"{remaining} entries left in the stream (length before: {length})");
    }

    private static TestRun NewRun() => new(Guid.NewGuid().ToString("N")[..10]);

    // A database per test: roll-up sums must see only this test's events.
    private static async Task<TestDatabase> NewDatabaseAsync() =>
        new(await (await SharedPostgresServer.GetAsync()).CreateDatabaseAsync("metrics"));

    private sealed record TestDatabase(string ConnectionString);
}
