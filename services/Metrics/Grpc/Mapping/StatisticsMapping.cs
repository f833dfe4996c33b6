using Platform.Metrics.Reports;
using Platform.Metrics.V1;

namespace Platform.Metrics.Grpc.Mapping;

internal static class StatisticsMapping
{
    public static CallStats ToProto(this CallStatistics s) => new()
    {
        RequestCount = s.RequestCount,
        OkCount = s.OkCount,
        RateLimitedCount = s.RateLimitedCount,
        ErrorCount = s.ErrorCount,
        TimeoutCount = s.TimeoutCount,
        BudgetDeniedCount = s.BudgetDeniedCount,
        CancelledCount = s.CancelledCount,
        SuccessRatePercent = s.SuccessRatePercent,
        RateLimitedPercent = s.RateLimitedPercent,
        AvgLatencyMs = s.AvgLatencyMs,
        P50LatencyMs = s.P50LatencyMs,
        P95LatencyMs = s.P95LatencyMs,
        P99LatencyMs = s.P99LatencyMs,
        AvgTimeToFirstTokenMs = s.AvgTimeToFirstTokenMs,
        P95TimeToFirstTokenMs = s.P95TimeToFirstTokenMs,
        InputTokens = s.InputTokens,
        OutputTokens = s.OutputTokens,
        CostMicros = s.CostMicros,
        FallbackCount = s.FallbackCount,
    };

    public static ModelStats ToProto(this ModelReportRow row) => new() { Model = row.Model, Provider = row.Provider, Stats = row.Statistics.ToProto() };

    public static AgentStats ToProto(this AgentReportRow row) => new()
    {
        AgentId = row.AgentId,
        Team = row.Team,
        Tier = row.Tier,
        Stats = row.Statistics.ToProto(),
        CostSharePercent = row.CostSharePercent,
    };
}
