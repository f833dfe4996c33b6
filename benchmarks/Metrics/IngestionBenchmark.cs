using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Platform.Metrics.Events;
using Platform.Metrics.Tests.Infrastructure;
using Platform.Redis;

namespace Platform.Metrics.Benchmarks;

/// <summary>
/// End-to-end ingestion: N events are first published to the stream (not timed), then the engine starts
/// and the clock runs until every event is in PostgreSQL (raw rows and roll-ups committed).
/// </summary>
internal static class IngestionBenchmark
{
    public static async Task RunAsync(int events, int writers, int batchSize)
    {
        await using var environment = await BenchmarkEnvironment.StartAsync();
        await using var redis = await RedisConnection.ConnectAsync(environment.Redis.ConnectionString);
        // Event times as a busy fleet produces them: 10,000 calls per second of event time, ending now.
        var span = TimeSpan.FromSeconds(Math.Max(60, events / 10_000.0));
        var generator = new CallEventGenerator(42, "bench", DateTime.UtcNow - span, span, extraAgents: 94);

        var publish = Stopwatch.StartNew();
        await StreamPublisher.PublishAsync(redis.GetDatabase(), MetricsStreams.CallEvents, generator.Generate(events));
        Console.WriteLine($"published {events:N0} events in {publish.Elapsed.TotalSeconds:F1} s ({events / publish.Elapsed.TotalSeconds:N0}/s)");

        // Migrate first, so schema creation is not timed.
        using (var migrated = await environment.StartEngineAsync(ingest: false))
            await migrated.StopAsync();

        var clock = Stopwatch.StartNew();
        using var host = await environment.StartEngineAsync(ingest: true, new Dictionary<string, string?>
        {
            ["Metrics:Ingestion:Writers"] = writers.ToString(),
            ["Metrics:Ingestion:BatchSize"] = batchSize.ToString(),
        });
        long stored;
        var lastReport = TimeSpan.Zero;
        while ((stored = await CountAsync(environment.DatabaseConnectionString)) < events)
        {
            await Task.Delay(100);
            if (clock.Elapsed - lastReport > TimeSpan.FromSeconds(5))
            {
                lastReport = clock.Elapsed;
                Console.WriteLine($"  {stored:N0} stored after {clock.Elapsed.TotalSeconds:F0} s");
            }
        }

        var elapsed = clock.Elapsed;
        await host.StopAsync();
        Console.WriteLine($"ingested {events:N0} events in {elapsed.TotalSeconds:F1} s: {events / elapsed.TotalSeconds:N0} events/s (writers={writers}, batch={batchSize})");
    }

    private static async Task<long> CountAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        // Roll-ups commit with the raw rows, so the day roll-up total is the number of stored events.
        await using var command = new NpgsqlCommand("SELECT coalesce(sum(request_count), 0) FROM metrics.model_rollups WHERE grain = 3", connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
