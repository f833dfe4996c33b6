using Platform.Common.V1;
using Platform.Metrics.V1;

namespace Platform.Metrics.Events;

/// <summary>A validated call event, flattened to the columns it is stored in.</summary>
public sealed record CallRecord
{
    public required string EventId { get; init; }
    public required DateTime EventTime { get; init; }
    public required string Model { get; init; }
    public required string Provider { get; init; }
    public required string AgentId { get; init; }
    public required string Team { get; init; }
    public required Tier Tier { get; init; }
    public required CallStatus Status { get; init; }
    public long LatencyMs { get; init; }
    public long TimeToFirstTokenMs { get; init; }
    public long InputTokens { get; init; }
    public long OutputTokens { get; init; }
    public long CostMicros { get; init; }
    public int FallbackDepth { get; init; }
    public int Strategy { get; init; }
    public string RequestId { get; init; } = "";
    public string TaskId { get; init; } = "";
    public int AttemptCount { get; init; }
    public bool Streamed { get; init; }
    public bool CacheHit { get; init; }
    public string ErrorMessage { get; init; } = "";
    public int TaskType { get; init; }
    public long CachedInputTokens { get; init; }
    public string Source { get; init; } = "";

    /// <summary>Latency statistics cover OK calls only (failed calls end early or late for unrelated reasons).</summary>
    public bool CountsForLatency => Status == CallStatus.Ok;

    /// <summary>Time to first token is meaningful for streamed calls that completed.</summary>
    public bool CountsForTimeToFirstToken => Status == CallStatus.Ok && Streamed;
}
