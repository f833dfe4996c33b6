using Platform.Routing.Vocabulary;

namespace Platform.Routing.Completions;

/// <summary>A finished completion and everything about how it was produced.</summary>
public sealed record CompletionResult
{
    public string Content { get; init; } = "";
    public FinishReason FinishReason { get; init; }
    public required string Model { get; init; }
    public required string Provider { get; init; }
    public required CompletionUsage Usage { get; init; }
    public long CostMicros { get; init; }
    public int FallbackDepth { get; init; }
    public int AttemptCount { get; init; }
    public long LatencyMs { get; init; }
    public long TimeToFirstTokenMs { get; init; }
    public Strategy Strategy { get; init; }
    public required string RequestId { get; init; }
    public IReadOnlyList<AttemptRecord> Attempts { get; init; } = [];
    public bool CacheHit { get; init; }
    public bool Deduplicated { get; init; }
    public string ReservationId { get; init; } = "";
    public Tier Tier { get; init; }
}
