using Platform.Metrics.V1;

namespace Platform.Metrics.Events;

/// <summary>Turns a validated <see cref="CallEvent"/> into the record that is stored.</summary>
public static class CallRecordFactory
{
    public static CallRecord FromEvent(CallEvent e) => new()
    {
        EventId = e.EventId,
        // PostgreSQL keeps microseconds; truncating here keeps the roll-ups and the raw row in agreement.
        EventTime = TruncateToMicroseconds(e.EventTime.ToDateTime()),
        Model = e.Model,
        Provider = e.Provider,
        AgentId = e.AgentId,
        Team = e.Team,
        Tier = e.Tier,
        Status = e.Status,
        LatencyMs = e.LatencyMs,
        TimeToFirstTokenMs = e.TimeToFirstTokenMs,
        InputTokens = e.InputTokens,
        OutputTokens = e.OutputTokens,
        CostMicros = e.CostMicros,
        FallbackDepth = e.FallbackDepth,
        Strategy = (int)e.Strategy,
        RequestId = e.RequestId,
        TaskId = e.TaskId,
        AttemptCount = e.AttemptCount,
        Streamed = e.Streamed,
        CacheHit = e.CacheHit,
        ErrorMessage = e.ErrorMessage,
        TaskType = (int)e.TaskType,
        CachedInputTokens = e.CachedInputTokens,
        Source = e.Source,
    };

    private static DateTime TruncateToMicroseconds(DateTime utc) =>
        new(utc.Ticks - utc.Ticks % 10, DateTimeKind.Utc);
}
