using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Platform.Common.V1;
using Platform.Metrics.Tests.Infrastructure;
using Platform.Metrics.V1;
using Platform.Testing.Postgres;
using Platform.Testing.Redis;
using Xunit;

namespace Platform.Metrics.Tests.Api;

/// <summary>The gRPC contract of a real service process: Record's guarantees and precise statuses for bad input.</summary>
public sealed class RecordAndValidationTests : IAsyncLifetime
{
    private MetricsServiceProcess _service = null!;
    private MetricsService.MetricsServiceClient Client => _service.Client;

    public async Task InitializeAsync()
    {
        var run = new TestRun(Guid.NewGuid().ToString("N")[..10]);
        var redis = await SharedRedisServer.GetAsync();
        var database = await (await SharedPostgresServer.GetAsync()).CreateDatabaseAsync("api");
        _service = await MetricsServiceProcess.StartAsync(redis.ConnectionString, database, run.Settings());
    }

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task Record_stores_valid_events_once_and_rejects_invalid_ones_one_by_one()
    {
        var now = DateTime.UtcNow;
        var good = Enumerable.Range(0, 5).Select(i => Call($"rec-{i}", now.AddSeconds(-i))).ToList();
        var request = new RecordRequest { Events = { good } };
        request.Events.Add(Call("rec-0", now));                                             // repeated in the batch
        request.Events.Add(new CallEvent(Call("bad-status", now)) { Status = CallStatus.Unspecified });
        request.Events.Add(new CallEvent(Call("", now)));                                    // no id
        request.Events.Add(new CallEvent(Call("future", now)) { EventTime = Timestamp.FromDateTime(now.AddMinutes(10)) });
        request.Events.Add(new CallEvent(Call("no-model", now)) { Model = "" });
        request.Events.Add(new CallEvent(Call("negative", now)) { CostMicros = -1 });

        var first = await Client.RecordAsync(request, deadline: Deadline());
        Assert.Equal(5, first.AcceptedCount);
        Assert.Equal(1, first.DuplicateCount);
        Assert.Equal([6, 7, 8, 9, 10], first.Rejected.Select(r => r.Index));
        Assert.Contains("CALL_STATUS_UNSPECIFIED", first.Rejected[0].Reason);
        Assert.Contains("event_id", first.Rejected[1].Reason);
        Assert.Contains("future", first.Rejected[2].Reason);
        Assert.Contains("model", first.Rejected[3].Reason);
        Assert.Contains("cost_micros", first.Rejected[4].Reason);

        var again = await Client.RecordAsync(new RecordRequest { Events = { good } }, deadline: Deadline());
        Assert.Equal(0, again.AcceptedCount);
        Assert.Equal(5, again.DuplicateCount);

        var report = await Client.GetModelReportAsync(new GetModelReportRequest { Window = new ReportWindow { Period = ReportPeriod.LastHour } },
            deadline: Deadline());
        Assert.Equal(5, report.Total.RequestCount);
        Assert.Equal(good.Sum(c => c.CostMicros), report.Total.CostMicros);
    }

    [Fact]
    public async Task Malformed_requests_fail_with_invalid_argument_and_say_why()
    {
        var now = DateTime.UtcNow;
        await ExpectInvalid("empty", () => Client.RecordAsync(new RecordRequest(), deadline: Deadline()).ResponseAsync);
        await ExpectInvalid("at most 1000", () => Client.RecordAsync(
            new RecordRequest { Events = { Enumerable.Range(0, 1001).Select(i => Call($"x{i}", now)) } }, deadline: Deadline()).ResponseAsync);
        await ExpectInvalid("after", () => Client.GetModelReportAsync(new GetModelReportRequest { Window = Range(now, now.AddHours(-1)) },
            deadline: Deadline()).ResponseAsync);
        await ExpectInvalid("400 days", () => Client.GetTierReportAsync(new GetTierReportRequest { Window = Range(now.AddDays(-401), now) },
            deadline: Deadline()).ResponseAsync);
        await ExpectInvalid("page_size", () => Client.GetAgentReportAsync(new GetAgentReportRequest { PageSize = -1 }, deadline: Deadline()).ResponseAsync);
        await ExpectInvalid("page_token", () => Client.GetAgentReportAsync(new GetAgentReportRequest { PageToken = "garbage!" },
            deadline: Deadline()).ResponseAsync);
        await ExpectInvalid("time zone", () => Client.GetSpendReportAsync(new GetSpendReportRequest { TimeZone = "Mars/Olympus_Mons" },
            deadline: Deadline()).ResponseAsync);
        await ExpectInvalid("2000", () => Client.GetSpendReportAsync(new GetSpendReportRequest
            { Window = Range(now.AddDays(-100), now), Granularity = Granularity.Hour }, deadline: Deadline()).ResponseAsync);
        await ExpectInvalid("negative", () => Client.GetSpendReportAsync(new GetSpendReportRequest
        {
            BaselinePrices = { new BaselinePrice { Price = new ModelPrice { InputMicrosPerMtok = -1 } } },
        }, deadline: Deadline()).ResponseAsync);
        await ExpectInvalid("limit", () => Client.GetTopSpendersAsync(new GetTopSpendersRequest { Limit = 101 }, deadline: Deadline()).ResponseAsync);
        await ExpectInvalid("after", () => Client.ListAlertsAsync(new ListAlertsRequest
        {
            TimeRange = new TimeRange { StartTime = Timestamp.FromDateTime(now), EndTime = Timestamp.FromDateTime(now.AddDays(-1)) },
        }, deadline: Deadline()).ResponseAsync);
        await ExpectInvalid("interval", () => FirstAsync(Client.WatchMetrics(new WatchMetricsRequest { Interval = Duration.FromTimeSpan(TimeSpan.FromMilliseconds(500)) },
            deadline: Deadline())));
        await ExpectInvalid("lookback", () => FirstAsync(Client.WatchMetrics(new WatchMetricsRequest { Lookback = Duration.FromTimeSpan(TimeSpan.FromSeconds(5)) },
            deadline: Deadline())));
    }

    [Fact]
    public async Task WatchMetrics_streams_snapshots_of_recent_traffic()
    {
        var now = DateTime.UtcNow;
        var calls = Enumerable.Range(0, 40).Select(i => Call($"live-{i}", now.AddSeconds(-i))).ToList();
        await Client.RecordAsync(new RecordRequest { Events = { calls } }, deadline: Deadline());

        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var stream = Client.WatchMetrics(new WatchMetricsRequest
        {
            Interval = Duration.FromTimeSpan(TimeSpan.FromSeconds(1)), Lookback = Duration.FromTimeSpan(TimeSpan.FromMinutes(5)), IncludeAgents = true,
        }, cancellationToken: cancel.Token);
        var snapshots = new List<MetricsSnapshot>();
        while (snapshots.Count < 2 && await stream.ResponseStream.MoveNext(cancel.Token))
            snapshots.Add(stream.ResponseStream.Current.Snapshot);

        foreach (var snapshot in snapshots)
        {
            Assert.Equal(40, snapshot.Fleet.RequestCount);
            Assert.True(snapshot.Lookback.ToTimeSpan() >= TimeSpan.FromMinutes(5));
            Assert.True(snapshot.RequestsPerSecond > 0);
            var today = snapshot.SnapshotTime.ToDateTime().Date;
            Assert.Equal(calls.Where(c => c.EventTime.ToDateTime().Date == today).Sum(c => c.CostMicros), snapshot.CostTodayMicros);
            Assert.Equal(["agent-a"], snapshot.Agents.Select(a => a.AgentId));
            Assert.Equal(["gpt-4o-mini"], snapshot.Models.Select(m => m.Model));
        }

        Assert.True(snapshots[1].SnapshotTime.ToDateTime() > snapshots[0].SnapshotTime.ToDateTime());
    }

    [Fact]
    public async Task Business_metrics_appear_on_the_prometheus_endpoint()
    {
        await Client.RecordAsync(new RecordRequest { Events = { Call("prom-1", DateTime.UtcNow) } }, deadline: Deadline());

        var text = await _service.Http.GetStringAsync("/metrics");
        Assert.Contains("platform_llm_requests_total{model=\"gpt-4o-mini\",provider=\"openai\",status=\"ok\",tier=\"high\"} 1", text);
        Assert.Contains("platform_llm_tokens_total{direction=\"input\",model=\"gpt-4o-mini\",provider=\"openai\"} 1000", text);

        // The official client's parser reads the page, and every family has the documented type.
        var families = await PrometheusText.ParseAsync(text);
        Assert.Equal("counter", families["platform_llm_requests"]);
        Assert.Equal("histogram", families["platform_llm_latency_seconds"]);
        Assert.Equal("counter", families["platform_llm_tokens"]);
        Assert.Equal("counter", families["platform_llm_cost_usd"]);
        Assert.Equal("counter", families["platform_metrics_events_stored"]);
        Assert.Equal("histogram", families["platform_metrics_batch_write_duration_seconds"]);
    }

    private static CallEvent Call(string id, DateTime time) => new()
    {
        EventId = id,
        EventTime = Timestamp.FromDateTime(time),
        Model = "gpt-4o-mini",
        Provider = "openai",
        AgentId = "agent-a",
        Team = "team-a",
        Tier = Tier.High,
        Status = CallStatus.Ok,
        LatencyMs = 420,
        InputTokens = 1000,
        OutputTokens = 200,
        CostMicros = 1800,
    };

    private static ReportWindow Range(DateTime start, DateTime end) => new()
    {
        TimeRange = new TimeRange { StartTime = Timestamp.FromDateTime(start), EndTime = Timestamp.FromDateTime(end) },
    };

    private static DateTime Deadline() => DateTime.UtcNow.AddSeconds(30);

    private static async Task FirstAsync<T>(AsyncServerStreamingCall<T> call)
    {
        using (call)
            await call.ResponseStream.MoveNext(CancellationToken.None);
    }

    private static async Task ExpectInvalid(string expectedInMessage, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(expectedInMessage, error.Status.Detail, StringComparison.OrdinalIgnoreCase);
    }
}
