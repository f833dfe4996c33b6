using Platform.Metrics.Events;
using Platform.Metrics.V1;

namespace Platform.Metrics.Storage;

/// <summary>
/// Additive statistics of a set of calls: what one roll-up row holds, and what a report sums rows into.
/// </summary>
public sealed class CallTally
{
    public long RequestCount { get; internal set; }
    public long OkCount { get; internal set; }
    public long RateLimitedCount { get; internal set; }
    public long ErrorCount { get; internal set; }
    public long TimeoutCount { get; internal set; }
    public long BudgetDeniedCount { get; internal set; }
    public long CancelledCount { get; internal set; }
    public long FallbackCount { get; internal set; }
    /// <summary>Sum of the latencies of OK calls.</summary>
    public long LatencySumMs { get; internal set; }
    /// <summary>Sum of the latencies of all calls: divided by a span, the average number of calls in flight.</summary>
    public long BusyMs { get; internal set; }
    /// <summary>Streamed OK calls, whose time to first token is counted.</summary>
    public long TtftCount { get; internal set; }
    public long TtftSumMs { get; internal set; }
    public long InputTokens { get; internal set; }
    public long OutputTokens { get; internal set; }
    public long CostMicros { get; internal set; }
    public Histogram Latency { get; } = new();
    public Histogram TimeToFirstToken { get; } = new();

    public void Add(CallRecord call)
    {
        RequestCount++;
        switch (call.Status)
        {
            case CallStatus.Ok: OkCount++; break;
            case CallStatus.RateLimited: RateLimitedCount++; break;
            case CallStatus.Error: ErrorCount++; break;
            case CallStatus.Timeout: TimeoutCount++; break;
            case CallStatus.BudgetDenied: BudgetDeniedCount++; break;
            case CallStatus.Cancelled: CancelledCount++; break;
        }

        if (call.FallbackDepth > 0)
            FallbackCount++;
        BusyMs += call.LatencyMs;
        if (call.CountsForLatency)
        {
            LatencySumMs += call.LatencyMs;
            Latency.Add(call.LatencyMs);
        }

        if (call.CountsForTimeToFirstToken)
        {
            TtftCount++;
            TtftSumMs += call.TimeToFirstTokenMs;
            TimeToFirstToken.Add(call.TimeToFirstTokenMs);
        }

        InputTokens += call.InputTokens;
        OutputTokens += call.OutputTokens;
        CostMicros += call.CostMicros;
    }

    public void Add(CallTally other)
    {
        RequestCount += other.RequestCount;
        OkCount += other.OkCount;
        RateLimitedCount += other.RateLimitedCount;
        ErrorCount += other.ErrorCount;
        TimeoutCount += other.TimeoutCount;
        BudgetDeniedCount += other.BudgetDeniedCount;
        CancelledCount += other.CancelledCount;
        FallbackCount += other.FallbackCount;
        LatencySumMs += other.LatencySumMs;
        BusyMs += other.BusyMs;
        TtftCount += other.TtftCount;
        TtftSumMs += other.TtftSumMs;
        InputTokens += other.InputTokens;
        OutputTokens += other.OutputTokens;
        CostMicros += other.CostMicros;
        Latency.Add(other.Latency);
        TimeToFirstToken.Add(other.TimeToFirstToken);
    }
}
