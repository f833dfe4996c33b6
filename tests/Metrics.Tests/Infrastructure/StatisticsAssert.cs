using Platform.Metrics.Reports;
using Platform.Metrics.Storage;
using Xunit;

namespace Platform.Metrics.Tests.Infrastructure;

/// <summary>Compares report statistics with ground truth: counts and sums exactly, percentiles within the histogram precision.</summary>
public static class StatisticsAssert
{
    public static void Matches(GroundTruth expected, CallStatistics actual, string what)
    {
        Assert.True(expected.Requests == actual.RequestCount, $"{what}: requests {actual.RequestCount}, expected {expected.Requests}");
        Assert.Equal(expected.Ok, actual.OkCount);
        Assert.Equal(expected.RateLimited, actual.RateLimitedCount);
        Assert.Equal(expected.Errors, actual.ErrorCount);
        Assert.Equal(expected.Timeouts, actual.TimeoutCount);
        Assert.Equal(expected.BudgetDenied, actual.BudgetDeniedCount);
        Assert.Equal(expected.Cancelled, actual.CancelledCount);
        Assert.Equal(expected.InputTokens, actual.InputTokens);
        Assert.Equal(expected.OutputTokens, actual.OutputTokens);
        Assert.True(expected.CostMicros == actual.CostMicros, $"{what}: cost {actual.CostMicros}, expected {expected.CostMicros}");
        Assert.Equal(expected.Fallbacks, actual.FallbackCount);
        Assert.Equal(expected.AverageLatencyMs, actual.AvgLatencyMs, 1e-6);
        Assert.Equal(CallStatistics.Percent(expected.Ok, expected.Requests), actual.SuccessRatePercent, 1e-9);
        WithinPrecision(expected.LatencyPercentile(50), actual.P50LatencyMs, $"{what} p50");
        WithinPrecision(expected.LatencyPercentile(95), actual.P95LatencyMs, $"{what} p95");
        WithinPrecision(expected.LatencyPercentile(99), actual.P99LatencyMs, $"{what} p99");
        WithinPrecision(expected.TimeToFirstTokenPercentile(95), actual.P95TimeToFirstTokenMs, $"{what} ttft p95");
    }

    /// <summary>The README's promise: exact below 32 ms, else within 1/32 of the true value.</summary>
    public static void WithinPrecision(long expected, double actual, string what)
    {
        var tolerance = expected < LatencyBuckets.ExactBelow ? 0 : expected * LatencyBuckets.RelativePrecision;
        Assert.True(Math.Abs(actual - expected) <= tolerance + 1e-9, $"{what}: reported {actual}, true {expected} (tolerance {tolerance})");
    }
}
