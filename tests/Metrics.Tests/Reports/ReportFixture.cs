using Platform.Metrics.Tests.Infrastructure;
using Platform.Metrics.V1;
using Platform.Redis;
using Platform.Testing.Postgres;
using Platform.Testing.Redis;
using Xunit;

namespace Platform.Metrics.Tests.Reports;

/// <summary>
/// 60,000 events over the last three days, published to the stream and ingested once for all report
/// tests; the events themselves are the ground truth.
/// </summary>
public sealed class ReportFixture : IAsyncLifetime
{
    public const int EventCount = 60_000;

    private RedisConnection? _redis;

    public EngineHost Host { get; private set; } = null!;
    public IReadOnlyList<CallEvent> Events { get; private set; } = [];
    public DateTime Now { get; private set; }

    public async Task InitializeAsync()
    {
        var run = new TestRun(Guid.NewGuid().ToString("N")[..10]);
        var redisServer = await SharedRedisServer.GetAsync();
        var database = await (await SharedPostgresServer.GetAsync()).CreateDatabaseAsync("reports");
        _redis = await RedisConnection.ConnectAsync(redisServer.ConnectionString);

        Now = DateTime.UtcNow;
        var start = Now.AddDays(-3);
        Events = new CallEventGenerator(7, run.Prefix, start, Now - start - TimeSpan.FromSeconds(1), extraAgents: 14)
            .Generate(EventCount).ToList();
        await StreamPublisher.PublishAsync(_redis.GetDatabase(), run.Stream, Events);

        Host = await EngineHost.StartAsync(redisServer.ConnectionString, database, run.Settings());
        var stored = await MetricsDatabase.WaitForAsync(() => new MetricsDatabase(database).CountEventsAsync(run.Prefix), EventCount, TimeSpan.FromMinutes(3));
        Assert.Equal(EventCount, stored);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        if (_redis is not null)
            await _redis.DisposeAsync();
    }
}
