using Platform.Routing.Completions;
using Platform.Routing.Vocabulary;

namespace Platform.Routing.Events;

/// <summary>Final outcome of a call. Values match platform.metrics.v1.CallStatus.</summary>
public enum CallStatus
{
    Unspecified = 0,
    Ok = 1,
    RateLimited = 2,
    Error = 3,
    Timeout = 4,
    BudgetDenied = 5,
    Cancelled = 6,
}

/// <summary>One call as published to the metrics stream (mapped to platform.metrics.v1.CallEvent by the publisher).</summary>
public sealed record CallRecord
{
    public required string EventId { get; init; }
    public required DateTime EventTime { get; init; }
    public string Model { get; init; } = "";
    public string Provider { get; init; } = "";
    public required string AgentId { get; init; }
    public string Team { get; init; } = "";
    public Tier Tier { get; init; }
    public required CallStatus Status { get; init; }
    public long LatencyMs { get; init; }
    public long TimeToFirstTokenMs { get; init; }
    public long InputTokens { get; init; }
    public long OutputTokens { get; init; }
    public long CachedInputTokens { get; init; }
    public long CostMicros { get; init; }
    public int FallbackDepth { get; init; }
    public Strategy Strategy { get; init; }
    public string RequestId { get; init; } = "";
    public string TaskId { get; init; } = "";
    public int AttemptCount { get; init; }
    public bool Streamed { get; init; }
    public bool CacheHit { get; init; }
    public string ErrorMessage { get; init; } = "";
    public TaskType TaskType { get; init; }

    /// <summary>The contract's mapping of the last attempt's status to the call's status (protos/README.md).</summary>
    public static CallStatus StatusOf(AttemptStatus status) => status switch
    {
        AttemptStatus.Ok => CallStatus.Ok,
        AttemptStatus.RateLimited => CallStatus.RateLimited,
        AttemptStatus.Timeout => CallStatus.Timeout,
        AttemptStatus.BudgetDenied => CallStatus.BudgetDenied,
        AttemptStatus.Cancelled => CallStatus.Cancelled,
        _ => CallStatus.Error,
    };

    public static CallStatus StatusOf(RoutingException error) => error.Kind switch
    {
        RoutingErrorKind.ResourceExhausted when error.Reason == ErrorReasons.BudgetDenied => CallStatus.BudgetDenied,
        RoutingErrorKind.ResourceExhausted => CallStatus.RateLimited,
        RoutingErrorKind.DeadlineExceeded => CallStatus.Timeout,
        RoutingErrorKind.Cancelled => CallStatus.Cancelled,
        _ => CallStatus.Error,
    };
}
