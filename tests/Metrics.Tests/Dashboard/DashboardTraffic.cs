using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Platform.Budget.V1;
using Platform.Common.V1;
using Platform.Metrics.Events;
using Platform.Metrics.Tests.Infrastructure;
using Platform.Metrics.V1;
using Platform.Redis;

namespace Platform.Metrics.Tests.Dashboard;

/// <summary>A day of plausible traffic, a busier last hour, a model in trouble and agents near their budgets.</summary>
internal static class DashboardTraffic
{
    public static async Task RecordAsync(MetricsService.MetricsServiceClient client, IRedisDatabase redis, TestRun run)
    {
        var now = DateTime.UtcNow;
        var day = new CallEventGenerator(21, run.Prefix + "-day", now.AddDays(-1), TimeSpan.FromDays(1).Subtract(TimeSpan.FromHours(1)), extraAgents: 4);
        var hour = new CallEventGenerator(22, run.Prefix + "-hour", now.AddHours(-1), TimeSpan.FromHours(1).Subtract(TimeSpan.FromMinutes(5)), extraAgents: 4);
        var trouble = Enumerable.Range(0, 60).Select(i => new CallEvent
        {
            EventId = $"{run.Prefix}-slow-{i}",
            EventTime = Timestamp.FromDateTime(now.AddSeconds(-i * 3)),
            Model = "claude-sonnet-4.5",
            Provider = "anthropic",
            AgentId = "customer_support",
            Team = "support",
            Tier = Tier.High,
            Status = i % 4 == 0 ? CallStatus.RateLimited : CallStatus.Ok,
            LatencyMs = 3_000 + i * 40,
            InputTokens = 2_000,
            OutputTokens = 600,
            CostMicros = 39_000,
        });

        foreach (var chunk in day.Generate(18_000).Concat(hour.Generate(6_000)).Concat(trouble).Chunk(1000))
            await client.RecordAsync(new RecordRequest { Events = { chunk } }, deadline: DateTime.UtcNow.AddMinutes(1));

        var tomorrow = now.Date.AddDays(1);
        foreach (var (agent, utilisation) in new[] { ("order_processing", 46.0), ("analytics", 83.5), ("logger", 101.2), ("product_search", 71.0) })
        {
            var crossing = new BudgetEvent
            {
                EventId = $"{run.Prefix}-budget-{agent}",
                EventTime = Timestamp.FromDateTime(now),
                Type = utilisation >= 100 ? BudgetEventType.LimitReached : BudgetEventType.ThresholdWarning,
                AgentId = agent,
                Tier = Tier.Medium,
                Threshold = new ThresholdCrossing
                {
                    Window = "daily_usd", ThresholdPercent = 80, UtilisationPercent = utilisation, Limit = 50_000_000,
                    Consumed = (long)(utilisation * 500_000), WindowEndTime = Timestamp.FromDateTime(tomorrow),
                },
            };
            await redis.StreamAddAsync(run.BudgetStream, MetricsStreams.EventField, crossing.ToByteArray());
        }
    }
}
