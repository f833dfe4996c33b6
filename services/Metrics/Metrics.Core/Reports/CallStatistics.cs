using Platform.Metrics.Storage;

namespace Platform.Metrics.Reports;

/// <summary>
/// What a report says about a set of calls. Counts and sums are exact; percentiles come from the
/// roll-up histograms (see <see cref="LatencyBuckets"/> for their precision). Latency covers OK calls,
/// time to first token covers streamed OK calls.
/// </summary>
public sealed record CallStatistics
{
    public static readonly CallStatistics Empty = From(new CallTally());

    public long RequestCount { get; init; }
    public long OkCount { get; init; }
    public long RateLimitedCount { get; init; }
    public long ErrorCount { get; init; }
    public long TimeoutCount { get; init; }
    public long BudgetDeniedCount { get; init; }
    public long CancelledCount { get; init; }
    public double SuccessRatePercent { get; init; }
    public double RateLimitedPercent { get; init; }
    public double AvgLatencyMs { get; init; }
    public double P50LatencyMs { get; init; }
    public double P95LatencyMs { get; init; }
    public double P99LatencyMs { get; init; }
    public double AvgTimeToFirstTokenMs { get; init; }
    public double P95TimeToFirstTokenMs { get; init; }
    public long InputTokens { get; init; }
    public long OutputTokens { get; init; }
    public long CostMicros { get; init; }
    public long FallbackCount { get; init; }

    public static CallStatistics From(CallTally tally) => new()
    {
        RequestCount = tally.RequestCount,
        OkCount = tally.OkCount,
        RateLimitedCount = tally.RateLimitedCount,
        ErrorCount = tally.ErrorCount,
        TimeoutCount = tally.TimeoutCount,
        BudgetDeniedCount = tally.BudgetDeniedCount,
        CancelledCount = tally.CancelledCount,
        SuccessRatePercent = Percent(tally.OkCount, tally.RequestCount),
        RateLimitedPercent = Percent(tally.RateLimitedCount, tally.RequestCount),
        AvgLatencyMs = Ratio(tally.LatencySumMs, tally.OkCount),
        P50LatencyMs = tally.Latency.Percentile(50),
        P95LatencyMs = tally.Latency.Percentile(95),
        P99LatencyMs = tally.Latency.Percentile(99),
        AvgTimeToFirstTokenMs = Ratio(tally.TtftSumMs, tally.TtftCount),
        P95TimeToFirstTokenMs = tally.TimeToFirstToken.Percentile(95),
        InputTokens = tally.InputTokens,
        OutputTokens = tally.OutputTokens,
        CostMicros = tally.CostMicros,
        FallbackCount = tally.FallbackCount,
    };

    public static double Percent(long part, long whole) => whole == 0 ? 0 : part * 100.0 / whole;

    private static double Ratio(long sum, long count) => count == 0 ? 0 : (double)sum / count;
}
