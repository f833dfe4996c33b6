using Platform.Metrics.Tests.Infrastructure;
using Platform.Metrics.V1;
using Platform.Redis;
using Platform.Testing.Postgres;
using Platform.Testing.Redis;
using Xunit;
using Xunit.Abstractions;

namespace Platform.Metrics.Tests.Ingestion;

/// <summary>
/// The acceptance test: 1,000,000 events published while the service (a real process) is
/// killed twice mid-ingestion; afterwards every event is in PostgreSQL exactly once and the roll-ups
/// add up to what was sent. METRICS_RESTART_TEST_EVENTS overrides the count (e.g. for a quick local run).
/// </summary>
public sealed class RestartDuringIngestionTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task Every_event_is_stored_exactly_once_across_two_hard_restarts()
    {
        var total = int.TryParse(Environment.GetEnvironmentVariable("METRICS_RESTART_TEST_EVENTS"), out var n) ? n : 1_000_000;
        var run = new TestRun(Guid.NewGuid().ToString("N")[..10]);
        var redisServer = await SharedRedisServer.GetAsync();
        await using var redis = await RedisConnection.ConnectAsync(redisServer.ConnectionString);
        var connectionString = await (await SharedPostgresServer.GetAsync()).CreateDatabaseAsync("restart");
        var database = new MetricsDatabase(connectionString);
        var settings = run.Settings(("Metrics:Ingestion:ClaimMinIdle", "00:00:05"), ("Metrics:Ingestion:ClaimInterval", "00:00:02"),
            ("Metrics:Ingestion:MaintenanceInterval", "00:00:05"), ("Metrics:Ingestion:ReadBlock", "00:00:01"));

        // A busy fleet: 10,000 calls per second of event time, ending now.
        var span = TimeSpan.FromSeconds(Math.Max(60, total / 10_000.0));
        var generator = new CallEventGenerator(11, run.Prefix, DateTime.UtcNow - span, span, extraAgents: 94);
        var sent = new Totals();
        var service = await MetricsServiceProcess.StartAsync(redisServer.ConnectionString, connectionString, settings);
        try
        {
            var publishing = Task.Run(() => StreamPublisher.PublishAsync(redis.GetDatabase(), run.Stream, generator.Generate(total).Select(sent.Add)));

            foreach (var fraction in new[] { 0.2, 0.6 })
            {
                var reached = await WaitForStoredAsync(database, (long)(total * fraction), Patience);
                output.WriteLine($"{DateTime.UtcNow:T} {reached:N0} stored: killing pid {service.Process.Pid}");
                service.Kill();
                await service.DisposeAsync();
                service = await MetricsServiceProcess.StartAsync(redisServer.ConnectionString, connectionString, settings);
                output.WriteLine($"{DateTime.UtcNow:T} restarted as pid {service.Process.Pid}");
            }

            await publishing;
            var stored = await WaitForStoredAsync(database, total, Patience);
            output.WriteLine($"{DateTime.UtcNow:T} {stored:N0} stored");
        }
        finally
        {
            await service.DisposeAsync();
        }

        Assert.Equal(total, await database.CountEventsAsync(run.Prefix));
        Assert.Equal(total, await database.ScalarAsync("SELECT count(*) FROM metrics.call_events"));
        foreach (var table in new[] { "model_rollups", "agent_rollups", "agent_model_rollups" })
        {
            foreach (var grain in new short[] { 1, 2, 3 })
            {
                Assert.Equal(total, await database.SumRollupAsync(table, "request_count", grain));
                Assert.Equal(sent.Cost, await database.SumRollupAsync(table, "cost_micros", grain));
                Assert.Equal(sent.OutputTokens, await database.SumRollupAsync(table, "output_tokens", grain));
            }
        }

        Assert.Equal(0, (await redis.GetDatabase().StreamPendingAsync(run.Stream, "metrics")).PendingMessageCount);
    }

    // The day roll-up commits with the raw rows, and summing it is far cheaper than counting a million rows.
    private static async Task<long> WaitForStoredAsync(MetricsDatabase database, long atLeast, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        long stored;
        while ((stored = await database.SumRollupAsync("model_rollups", "request_count", 3)) < atLeast)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Only {stored:N0} of {atLeast:N0} events stored after {timeout}.");
            await Task.Delay(200);
        }

        return stored;
    }

    private sealed class Totals
    {
        public long Cost { get; private set; }
        public long OutputTokens { get; private set; }

        public CallEvent Add(CallEvent call)
        {
            Cost += call.CostMicros;
            OutputTokens += call.OutputTokens;
            return call;
        }
    }
}
