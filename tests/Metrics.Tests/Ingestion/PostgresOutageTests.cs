using Platform.Metrics.Tests.Infrastructure;
using Platform.Redis;
using Platform.Testing.Postgres;
using Platform.Testing.Redis;
using Xunit;

namespace Platform.Metrics.Tests.Ingestion;

/// <summary>PostgreSQL goes away mid-ingestion and comes back: nothing is lost, nothing doubles.</summary>
public sealed class PostgresOutageTests
{
    [Fact]
    public async Task Ingestion_waits_out_a_database_outage_and_stores_everything_once()
    {
        var run = new TestRun(Guid.NewGuid().ToString("N")[..10]);
        // Its own server: stopping the shared one would take other tests down with it.
        await using var postgres = await PostgresServer.StartNewAsync();
        var connectionString = await postgres.CreateDatabaseAsync("outage");
        var database = new MetricsDatabase(connectionString);
        var redisServer = await SharedRedisServer.GetAsync();
        await using var redis = await RedisConnection.ConnectAsync(redisServer.ConnectionString);
        var events = new CallEventGenerator(5, run.Prefix, DateTime.UtcNow.AddMinutes(-20), TimeSpan.FromMinutes(20)).Generate(60_000).ToList();

        await using var host = await EngineHost.StartAsync(redisServer.ConnectionString, connectionString,
            run.Settings(("Metrics:Ingestion:BatchSize", "2000"), ("Metrics:Ingestion:MaxRetryDelay", "00:00:00.500")));
        await StreamPublisher.PublishAsync(redis.GetDatabase(), run.Stream, events.Take(30_000));
        await MetricsDatabase.WaitForAsync(async () => Math.Min(await database.CountEventsAsync(run.Prefix), 1), 1, TimeSpan.FromMinutes(1));

        await postgres.StopAsync();
        await StreamPublisher.PublishAsync(redis.GetDatabase(), run.Stream, events.Skip(30_000));
        await Task.Delay(TimeSpan.FromSeconds(3));
        await postgres.StartAsync();

        Assert.Equal(events.Count, await MetricsDatabase.WaitForAsync(() => database.CountEventsAsync(run.Prefix), events.Count, TimeSpan.FromMinutes(3)));
        foreach (var grain in new short[] { 1, 2, 3 })
            Assert.Equal(events.Sum(e => e.CostMicros), await database.SumRollupAsync("agent_model_rollups", "cost_micros", grain));
        Assert.Equal(0, await MetricsDatabase.WaitForAsync(
            async () => (await redis.GetDatabase().StreamPendingAsync(run.Stream, "metrics")).PendingMessageCount, 0, TimeSpan.FromMinutes(1)));
    }
}
