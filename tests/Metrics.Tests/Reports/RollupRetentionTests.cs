using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Metrics.Ingestion;
using Platform.Metrics.Storage;
using Platform.Metrics.Tests.Infrastructure;
using Platform.Testing.Postgres;
using Platform.Testing.Redis;
using Xunit;

namespace Platform.Metrics.Tests.Reports;

public sealed class RollupRetentionTests
{
    [Fact]
    public async Task Minute_rows_older_than_the_retention_go_and_hour_and_day_rows_stay()
    {
        var database = await (await SharedPostgresServer.GetAsync()).CreateDatabaseAsync("retention");
        var redis = await SharedRedisServer.GetAsync();
        await using var host = await EngineHost.StartAsync(redis.ConnectionString, database, ingest: false);
        var now = DateTime.UtcNow;
        // Three days of calls, older ones spread over many hours (the job deletes an hour per statement).
        var calls = new CallEventGenerator(3, "ret", now.AddDays(-3), TimeSpan.FromDays(3) - TimeSpan.FromMinutes(1)).Generate(3_000).ToList();
        foreach (var chunk in calls.Chunk(1000))
            await host.Get<CallRecorder>().RecordAsync(chunk, CancellationToken.None);

        await host.Services.GetServices<IHostedService>().OfType<RollupRetention>().Single().DeleteExpiredAsync(CancellationToken.None);

        var db = new MetricsDatabase(database);
        var cutoff = now.AddDays(-2);
        foreach (var table in new[] { "model_rollups", "agent_rollups", "agent_model_rollups" })
        {
            Assert.Equal(0, await db.ScalarAsync($"SELECT count(*) FROM metrics.{table} WHERE grain = 1 AND bucket_start < @c", ("c", cutoff.AddMinutes(-1))));
            Assert.True(await db.ScalarAsync($"SELECT count(*) FROM metrics.{table} WHERE grain = 1") > 0);
            Assert.Equal(calls.Count, await db.SumRollupAsync(table, "request_count", 2));
            Assert.Equal(calls.Count, await db.SumRollupAsync(table, "request_count", 3));
        }
    }
}
