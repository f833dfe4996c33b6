using System.Text.Json;
using Grpc.Core;
using Platform.Budget.Tests.Infrastructure;
using Platform.Budget.V1;
using Platform.Common.V1;
using Platform.Testing.Redis;
using P = Platform.Budget.Tests.Infrastructure.Proto;

namespace Platform.Budget.Tests.Service;

/// <summary>WatchEvents for operators (live, filtered, resumable) and the same events on the metrics stream.</summary>
[Collection(RedisServerFixture.Collection)]
public sealed class EventTests(RedisServerFixture redis)
{
    [Fact]
    public async Task Warnings_and_denials_stream_to_watchers_resume_from_a_cursor_and_reach_the_metrics_stream()
    {
        var metricsStream = "metrics:events:" + Guid.NewGuid().ToString("N")[..8];
        await using var budget = await BudgetDeployment.StartAsync(redis.ConnectionString,
            settings: new Dictionary<string, string?> { ["Budget__MetricsStream"] = metricsStream });
        var client = budget.Client();
        await client.RegisterAgentAsync(new RegisterAgentRequest { Agent = P.Agent("watched", Tier.High, 1_000) });
        await client.ReserveAsync(P.Reserve("watched", 410, 400));
        await client.ReserveAsync(P.Reserve("watched", 150, 150));

        // From the beginning of the retained history: nothing is missed, whenever the stream opens.
        using var all = client.WatchEvents(new WatchEventsRequest { StartAfterEventId = "0-0" });
        var events = await ReadAsync(all, 3);

        Assert.Equal([BudgetEventType.AgentChanged, BudgetEventType.ThresholdWarning, BudgetEventType.Denial], events.Select(e => e.Type));
        Assert.Equal("watched", events[0].Agent.AgentId);
        Assert.Equal(("hourly_tokens", 80, 1_000L, 810L), (events[1].Threshold.Window, events[1].Threshold.ThresholdPercent,
            events[1].Threshold.Limit, events[1].Threshold.Consumed));
        Assert.Equal((DenialReason.HourlyTokenLimit, 300L, 190L), (events[2].Denial.Reason, events[2].Denial.RequestedTokens, events[2].Denial.AvailableTokens));

        // Live: a new denial arrives on the open stream; a resumed, filtered stream starts after the cursor.
        await client.ReserveAsync(P.Reserve("watched", 500, 500));
        var live = Assert.Single(await ReadAsync(all, 1));
        Assert.Equal(BudgetEventType.Denial, live.Type);
        using var resumed = client.WatchEvents(new WatchEventsRequest
        {
            StartAfterEventId = events[1].EventId,
            Types_ = { BudgetEventType.Denial },
            AgentIds = { "watched" },
        });
        Assert.Equal([events[2].EventId, live.EventId], (await ReadAsync(resumed, 2)).Select(e => e.EventId));

        // Every event also reaches the metrics service's stream, in the documented format.
        var forwarded = await EventuallyAsync(async () =>
        {
            var entries = await budget.Database.StreamRangeAsync(metricsStream);
            return entries.Length >= 3 ? entries : null;
        });
        var warning = forwarded.Single(e => (string?)e["type"] == "THRESHOLD_WARNING");
        Assert.Equal(("budget", budget.FleetId, "watched", "TIER_HIGH", events[1].EventId),
            ((string?)warning["source"], (string?)warning["fleet"], (string?)warning["agent_id"], (string?)warning["tier"], (string?)warning["event_id"]));
        Assert.Equal(810, JsonDocument.Parse((string)warning["details"]!).RootElement.GetProperty("consumed").GetInt64());
    }

    [Fact]
    public async Task A_cursor_older_than_the_retained_history_is_out_of_range()
    {
        await using var budget = await BudgetDeployment.StartAsync(redis.ConnectionString);
        var client = budget.Client();
        await client.RegisterAgentAsync(new RegisterAgentRequest { Agent = P.Agent("old", Tier.High, 10) });
        using (var first = client.WatchEvents(new WatchEventsRequest { StartAfterEventId = "0-0" }))
        {
            var registered = Assert.Single(await ReadAsync(first, 1));
            await client.ReserveAsync(P.Reserve("old", 50, 50));
            await budget.Database.ExecuteAsync("XTRIM", [budget.Keys.Events.ToString(), "MAXLEN", "0"], CancellationToken.None);

            using var stale = client.WatchEvents(new WatchEventsRequest { StartAfterEventId = registered.EventId });
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var error = await Assert.ThrowsAsync<RpcException>(() => stale.ResponseStream.MoveNext(timeout.Token));
            Assert.Equal(StatusCode.OutOfRange, error.StatusCode);
        }
    }

    private static async Task<List<BudgetEvent>> ReadAsync(AsyncServerStreamingCall<WatchEventsResponse> call, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var events = new List<BudgetEvent>();
        while (events.Count < count && await call.ResponseStream.MoveNext(timeout.Token))
        {
            events.Add(call.ResponseStream.Current.Event);
        }

        return events;
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> attempt)
        where T : class
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            if (await attempt() is { } result)
            {
                return result;
            }

            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(200);
        }
    }
}
