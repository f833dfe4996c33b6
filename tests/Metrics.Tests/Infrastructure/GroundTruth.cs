using Platform.Metrics.V1;

namespace Platform.Metrics.Tests.Infrastructure;

/// <summary>Statistics computed directly from the events a test sent: what every report must agree with.</summary>
public sealed class GroundTruth
{
    private GroundTruth(IReadOnlyList<CallEvent> calls) => Calls = calls;

    public IReadOnlyList<CallEvent> Calls { get; }

    public long Requests => Calls.Count;
    public long Ok => Count(CallStatus.Ok);
    public long RateLimited => Count(CallStatus.RateLimited);
    public long Errors => Count(CallStatus.Error);
    public long Timeouts => Count(CallStatus.Timeout);
    public long BudgetDenied => Count(CallStatus.BudgetDenied);
    public long Cancelled => Count(CallStatus.Cancelled);
    public long InputTokens => Calls.Sum(c => c.InputTokens);
    public long OutputTokens => Calls.Sum(c => c.OutputTokens);
    public long CostMicros => Calls.Sum(c => c.CostMicros);
    public long Fallbacks => Calls.Count(c => c.FallbackDepth > 0);
    public double AverageLatencyMs => Ok == 0 ? 0 : (double)Calls.Where(c => c.Status == CallStatus.Ok).Sum(c => c.LatencyMs) / Ok;

    public static GroundTruth Of(IEnumerable<CallEvent> calls) => new(calls.ToList());

    public static GroundTruth In(IEnumerable<CallEvent> calls, DateTime start, DateTime end) =>
        Of(calls.Where(c => c.EventTime.ToDateTime() >= start && c.EventTime.ToDateTime() < end));

    /// <summary>Nearest-rank percentile of OK calls' latency: the smallest value with p% of values at or below it.</summary>
    public long LatencyPercentile(int percent) => Percentile(Calls.Where(c => c.Status == CallStatus.Ok).Select(c => c.LatencyMs), percent);

    public long TimeToFirstTokenPercentile(int percent) =>
        Percentile(Calls.Where(c => c.Status == CallStatus.Ok && c.Streamed).Select(c => c.TimeToFirstTokenMs), percent);

    public static long Percentile(IEnumerable<long> values, int percent)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
            return 0;
        var rank = Math.Max(1, (long)Math.Ceiling(percent * (double)sorted.Length / 100));
        return sorted[rank - 1];
    }

    private long Count(CallStatus status) => Calls.Count(c => c.Status == status);
}
