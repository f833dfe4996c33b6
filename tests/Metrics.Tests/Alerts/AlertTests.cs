using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Platform.Budget.V1;
using Platform.Common.V1;
using Platform.Metrics.Events;
using Platform.Metrics.Tests.Infrastructure;
using Platform.Metrics.V1;
using Platform.Redis;
using Platform.Testing.Postgres;
using Platform.Testing.Redis;
using Xunit;

namespace Platform.Metrics.Tests.Alerts;

/// <summary>
/// Alert rules evaluated continuously by a real service process (every second here): each kind fires when
/// its condition starts to hold, resolves when it stops, and WatchAlerts sees every change.
/// </summary>
public sealed class AlertTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly TestRun _run = new(Guid.NewGuid().ToString("N")[..10]);
    private MetricsServiceProcess _service = null!;
    private RedisConnection _redis = null!;
    private int _ids;

    public async Task InitializeAsync()
    {
        var redis = await SharedRedisServer.GetAsync();
        _redis = await RedisConnection.ConnectAsync(redis.ConnectionString);
        var database = await (await SharedPostgresServer.GetAsync()).CreateDatabaseAsync("alerts");
        _service = await MetricsServiceProcess.StartAsync(redis.ConnectionString, database, _run.Settings(
            ("Metrics:Alerts:EvaluationInterval", "00:00:01"),
            ("Metrics:Alerts:FeedPollInterval", "00:00:00.250"),
            ("Metrics:Alerts:MinRequests", "10"),
            ("Metrics:Alerts:ThroughputFloorPerMinute", "20")));
    }

    public async Task DisposeAsync()
    {
        await _service.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task Every_rule_fires_and_clears_and_the_watch_stream_sees_each_change()
    {
        var client = _service.Client;
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        using var watch = client.WatchAlerts(new WatchAlertsRequest { IncludeFiring = true }, cancellationToken: cancel.Token);
        var seen = new AlertLog(watch.ResponseStream, cancel.Token);

        // No traffic at all: the fleet is below its throughput floor, already firing or about to.
        await seen.WaitForAsync(AlertKind.ThroughputLow, "", a => a.Change is AlertChange.Current or AlertChange.Fired, Patience);

        // A slow model, a rate-limited model, an erroring model, an agent near its budget.
        await RecordAsync("slow-model", CallStatus.Ok, latencyMs: 5_000, count: 30);
        await RecordAsync("limited-model", CallStatus.RateLimited, latencyMs: 100, count: 20);
        await RecordAsync("limited-model", CallStatus.Ok, latencyMs: 100, count: 20);
        await RecordAsync("broken-model", CallStatus.Error, latencyMs: 50, count: 15);
        await RecordAsync("broken-model", CallStatus.Ok, latencyMs: 50, count: 15);
        await PublishBudgetCrossingAsync("agent-near-limit", utilisation: 86.5, windowEnds: DateTime.UtcNow.AddSeconds(20), protobuf: true);
        await PublishBudgetCrossingAsync("agent-over-limit", utilisation: 100, windowEnds: DateTime.UtcNow.AddSeconds(20), protobuf: false);

        var latency = await seen.WaitForAsync(AlertKind.P95LatencyHigh, "slow-model", a => a.Change == AlertChange.Fired, Patience);
        Assert.Equal(AlertSeverity.Critical, latency.Alert.Severity);
        Assert.Equal("ms", latency.Alert.Unit);
        Assert.Equal(2000, latency.Alert.Threshold);
        Assert.InRange(latency.Alert.ObservedValue, 5000 * (1 - 1.0 / 32), 5000 * (1 + 1.0 / 32));
        var rateLimit = await seen.WaitForAsync(AlertKind.RateLimitHigh, "limited-model", a => a.Change == AlertChange.Fired, Patience);
        Assert.Equal(50, rateLimit.Alert.ObservedValue, 6);
        await seen.WaitForAsync(AlertKind.ErrorRateHigh, "broken-model", a => a.Change == AlertChange.Fired, Patience);
        var budget = await seen.WaitForAsync(AlertKind.BudgetUtilisationHigh, "agent-near-limit", a => a.Change == AlertChange.Fired, Patience);
        Assert.Equal(AlertSeverity.Warning, budget.Alert.Severity);
        Assert.Equal(86.5, budget.Alert.ObservedValue, 6);
        var overLimit = await seen.WaitForAsync(AlertKind.BudgetUtilisationHigh, "agent-over-limit", a => a.Change == AlertChange.Fired, Patience);
        Assert.Equal(AlertSeverity.Critical, overLimit.Alert.Severity);
        await seen.WaitForAsync(AlertKind.ThroughputLow, "", a => a.Change == AlertChange.Resolved, Patience);

        var firing = await client.ListAlertsAsync(new ListAlertsRequest { States = { AlertState.Firing } }, deadline: DateTime.UtcNow.AddSeconds(30));
        Assert.Contains(firing.Alerts, a => a.Kind == AlertKind.P95LatencyHigh && a.ScopeId == "slow-model" && a.Scope == AlertScope.Model);
        Assert.Contains(firing.Alerts, a => a.Kind == AlertKind.RateLimitHigh && a.ScopeId == "limited-model");

        // Healthy traffic dilutes every model's problem below its threshold; budget windows end.
        await RecordAsync("slow-model", CallStatus.Ok, latencyMs: 300, count: 1_000);
        await RecordAsync("limited-model", CallStatus.Ok, latencyMs: 100, count: 400);
        await RecordAsync("broken-model", CallStatus.Ok, latencyMs: 50, count: 400);

        var resolved = await seen.WaitForAsync(AlertKind.P95LatencyHigh, "slow-model", a => a.Change == AlertChange.Resolved, Patience);
        Assert.Equal(AlertState.Resolved, resolved.Alert.State);
        Assert.Equal(latency.Alert.AlertId, resolved.Alert.AlertId);
        Assert.NotNull(resolved.Alert.EndTime);
        await seen.WaitForAsync(AlertKind.RateLimitHigh, "limited-model", a => a.Change == AlertChange.Resolved, Patience);
        await seen.WaitForAsync(AlertKind.ErrorRateHigh, "broken-model", a => a.Change == AlertChange.Resolved, Patience);
        await seen.WaitForAsync(AlertKind.BudgetUtilisationHigh, "agent-near-limit", a => a.Change == AlertChange.Resolved, Patience);
        await seen.WaitForAsync(AlertKind.BudgetUtilisationHigh, "agent-over-limit", a => a.Change == AlertChange.Resolved, Patience);

        var history = await client.ListAlertsAsync(new ListAlertsRequest { Kinds = { AlertKind.P95LatencyHigh }, PageSize = 1 },
            deadline: DateTime.UtcNow.AddSeconds(30));
        Assert.Single(history.Alerts);
        Assert.Equal(AlertState.Resolved, history.Alerts[0].State);
        Assert.Equal("", history.NextPageToken);
        cancel.Cancel();
    }

    private async Task RecordAsync(string model, CallStatus status, long latencyMs, int count)
    {
        var now = DateTime.UtcNow;
        foreach (var chunk in Enumerable.Range(0, count).Chunk(1000))
        {
            var request = new RecordRequest();
            request.Events.Add(chunk.Select(_ => new CallEvent
            {
                EventId = $"{_run.Prefix}-{Interlocked.Increment(ref _ids)}",
                EventTime = Timestamp.FromDateTime(now),
                Model = model,
                Provider = "sim",
                AgentId = "alerting-agent",
                Tier = Tier.Medium,
                Status = status,
                LatencyMs = latencyMs,
                InputTokens = 10,
                OutputTokens = 10,
                CostMicros = 20,
            }));
            var response = await _service.Client.RecordAsync(request, deadline: DateTime.UtcNow.AddSeconds(30));
            Assert.Equal(chunk.Length, response.AcceptedCount);
        }
    }

    // The two formats the budget stream may carry (see BudgetStreamEntryDecoder).
    private async Task PublishBudgetCrossingAsync(string agent, double utilisation, DateTime windowEnds, bool protobuf)
    {
        var db = _redis.GetDatabase();
        var id = $"{_run.Prefix}-budget-{agent}";
        var type = utilisation >= 100 ? BudgetEventType.LimitReached : BudgetEventType.ThresholdWarning;
        if (protobuf)
        {
            var budgetEvent = new BudgetEvent
            {
                EventId = id,
                EventTime = Timestamp.FromDateTime(DateTime.UtcNow),
                Type = type,
                AgentId = agent,
                Tier = Tier.High,
                Threshold = new ThresholdCrossing
                {
                    Window = "daily_usd", ThresholdPercent = 80, UtilisationPercent = utilisation, Limit = 50_000_000,
                    Consumed = (long)(500_000 * utilisation), WindowEndTime = Timestamp.FromDateTime(windowEnds),
                },
            };
            await db.StreamAddAsync(_run.BudgetStream, MetricsStreams.EventField, budgetEvent.ToByteArray());
            return;
        }

        var details = $$"""{"window":"hourly_tokens","thresholdPercent":100,"utilisationPercent":{{utilisation.ToString(CultureInfo.InvariantCulture)}},"limit":5000,"consumed":5000,"windowEndTime":"{{windowEnds:O}}"}""";
        await db.StreamAddAsync(_run.BudgetStream,
        [
            new NameValueEntry("source", "budget"), new NameValueEntry("type", type == BudgetEventType.LimitReached ? "LIMIT_REACHED" : "THRESHOLD_WARNING"),
            new NameValueEntry("event_id", id), new NameValueEntry("time_ms", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()),
            new NameValueEntry("agent_id", agent), new NameValueEntry("tier", "TIER_CRITICAL"), new NameValueEntry("details", details),
        ]);
    }

    /// <summary>Collects the watch stream in the background and waits (bounded) for a matching change.</summary>
    private sealed class AlertLog
    {
        private readonly List<WatchAlertsResponse> _changes = [];
        private readonly SemaphoreSlim _arrived = new(0);

        public AlertLog(IAsyncStreamReader<WatchAlertsResponse> stream, CancellationToken cancellationToken) =>
            _ = Task.Run(async () =>
            {
                try
                {
                    while (await stream.MoveNext(cancellationToken))
                    {
                        lock (_changes)
                            _changes.Add(stream.Current);
                        _arrived.Release();
                    }
                }
                catch (RpcException) when (cancellationToken.IsCancellationRequested)
                {
                }
                catch (OperationCanceledException)
                {
                }
            }, CancellationToken.None);

        public async Task<WatchAlertsResponse> WaitForAsync(AlertKind kind, string scopeId, Func<WatchAlertsResponse, bool> match, TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (true)
            {
                lock (_changes)
                {
                    var found = _changes.FirstOrDefault(c => c.Alert.Kind == kind && c.Alert.ScopeId == scopeId && match(c));
                    if (found is not null)
                        return found;
                }

                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero)
                {
                    lock (_changes)
                        throw new TimeoutException($"No matching {kind} change for '{scopeId}'. Seen: " +
                            string.Join("; ", _changes.Select(c => $"{c.Change} {c.Alert.Kind} {c.Alert.ScopeId} {c.Alert.ObservedValue}")));
                }

                await _arrived.WaitAsync(left < TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1));
            }
        }
    }
}
