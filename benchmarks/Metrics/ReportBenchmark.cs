using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Platform.Common.V1;
using Platform.Metrics.Events;
using Platform.Metrics.Reports;
using Platform.Metrics.Storage;
using Platform.Metrics.Tests.Infrastructure;
using Platform.Metrics.V1;

namespace Platform.Metrics.Benchmarks;

/// <summary>
/// Month reports over N events (default 10,000,000) spread over the last 30 days: the events are stored
/// through the same store the consumers use (raw rows + roll-ups), minute roll-ups older than the
/// retention are deleted as in production, then each report is timed in-process (domain call, SQL included).
/// </summary>
internal static class ReportBenchmark
{
    private const int Runs = 30;

    public static async Task RunAsync(int events)
    {
        await using var environment = await BenchmarkEnvironment.StartAsync();
        using var host = await environment.StartEngineAsync(ingest: false);
        var services = host.Services;

        await FillAsync(services.GetRequiredService<CallEventStore>(), events);
        await services.GetServices<IHostedService>().OfType<RollupRetention>().Single().DeleteExpiredAsync(CancellationToken.None);
        await VacuumAsync(environment.DatabaseConnectionString);
        await PrintSizesAsync(environment.DatabaseConnectionString);

        var now = DateTime.UtcNow;
        var month = TimeWindow.ForPeriod(ReportPeriod.LastMonth, now);
        var models = services.GetRequiredService<ModelReports>();
        var agents = services.GetRequiredService<AgentReports>();
        var tiers = services.GetRequiredService<TierReports>();
        var spend = services.GetRequiredService<SpendReports>();
        var top = services.GetRequiredService<TopSpenderReports>();

        Console.WriteLine($"| report (LAST_MONTH over {events:N0} events) | p50 ms | p95 ms | max ms |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        await TimeAsync("model report (all models)", () => models.GetAsync(new ModelReportRequest(month, [], "", ""), default));
        await TimeAsync("model report of one agent", () => models.GetAsync(new ModelReportRequest(month, [], "", "customer_support"), default));
        await TimeAsync("agent report (page of 100, teams, totals)", () => agents.GetAsync(new AgentReportRequest(month, "m", [], "", Tier.Unspecified, 100, ""), default));
        await TimeAsync("tier report", () => tiers.GetAsync(month, default));
        await TimeAsync("spend report, daily, UTC, savings", () => spend.GetAsync(new SpendReportRequest(month, Granularity.Day, [], "", "", "", ""), default));
        await TimeAsync("spend report, daily, Asia/Ho_Chi_Minh", () => spend.GetAsync(new SpendReportRequest(month, Granularity.Day, [], "Asia/Ho_Chi_Minh", "", "", ""), default));
        await TimeAsync("spend report of one team, daily", () => spend.GetAsync(new SpendReportRequest(month, Granularity.Day, [], "", "", "commerce", ""), default));
        await TimeAsync("top 10 spenders by agent", () => top.GetAsync(month, SpendDimension.Agent, 10, default));
    }

    private static async Task FillAsync(CallEventStore store, int events)
    {
        var span = TimeSpan.FromDays(30);
        var generator = new CallEventGenerator(99, "month", DateTime.UtcNow - span, span - TimeSpan.FromMinutes(1), extraAgents: 94);
        var clock = Stopwatch.StartNew();
        var stored = 0L;
        var batches = generator.Generate(events).Select(CallRecordFactory.FromEvent).Chunk(20_000);
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (batch, token) =>
        {
            await store.WriteAsync(batch, token);
            var done = Interlocked.Add(ref stored, batch.Length);
            if (done % 1_000_000 < batch.Length)
                Console.WriteLine($"  stored {done:N0} in {clock.Elapsed.TotalSeconds:F0} s");
        });
        Console.WriteLine($"filled {events:N0} events in {clock.Elapsed.TotalSeconds:F0} s ({events / clock.Elapsed.TotalSeconds:N0}/s, store only)");
    }

    private static async Task TimeAsync<T>(string name, Func<Task<T>> report)
    {
        for (var i = 0; i < 3; i++)
            await report();
        var timings = new List<double>();
        for (var i = 0; i < Runs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await report();
            timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        timings.Sort();
        Console.WriteLine($"| {name} | {timings[Runs / 2]:F1} | {timings[(int)(Runs * 0.95)]:F1} | {timings[^1]:F1} |");
    }

    private static async Task VacuumAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("VACUUM ANALYZE", connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    private static async Task PrintSizesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT c.relname, c.reltuples::bigint, pg_size_pretty(pg_total_relation_size(c.oid))
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'metrics' AND c.relkind = 'r' ORDER BY pg_total_relation_size(c.oid) DESC
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            Console.WriteLine($"  {reader.GetString(0)}: ~{reader.GetInt64(1):N0} rows, {reader.GetString(2)}");
    }
}
