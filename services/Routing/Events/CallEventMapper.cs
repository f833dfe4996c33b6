using Google.Protobuf.WellKnownTypes;
using Platform.Metrics.V1;
using Platform.Routing.Events;
using DomainCallStatus = Platform.Routing.Events.CallStatus;

namespace Platform.Routing.Events;

/// <summary>Maps a call record to platform.metrics.v1.CallEvent (enum values are shared by number).</summary>
internal static class CallEventMapper
{
    public static CallEvent ToProto(CallRecord record) => new()
    {
        EventId = record.EventId,
        EventTime = Timestamp.FromDateTime(DateTime.SpecifyKind(record.EventTime, DateTimeKind.Utc)),
        Model = record.Model,
        Provider = record.Provider,
        AgentId = record.AgentId,
        Team = record.Team,
        Tier = (Platform.Common.V1.Tier)(int)record.Tier,
        Status = (Platform.Metrics.V1.CallStatus)(int)record.Status,
        LatencyMs = Math.Max(0, record.LatencyMs),
        TimeToFirstTokenMs = Math.Max(0, record.TimeToFirstTokenMs),
        InputTokens = record.InputTokens,
        OutputTokens = record.OutputTokens,
        CachedInputTokens = record.CachedInputTokens,
        CostMicros = record.CostMicros,
        FallbackDepth = record.FallbackDepth,
        Strategy = (Platform.Routing.V1.Strategy)(int)record.Strategy,
        RequestId = record.RequestId,
        TaskId = record.TaskId,
        AttemptCount = record.AttemptCount,
        Streamed = record.Streamed,
        CacheHit = record.CacheHit,
        ErrorMessage = record.Status == DomainCallStatus.Ok ? "" : record.ErrorMessage,
        TaskType = (Platform.Routing.V1.TaskType)(int)record.TaskType,
        Source = "routing",
    };
}
