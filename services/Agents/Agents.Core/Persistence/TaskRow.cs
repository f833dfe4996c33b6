using Platform.Agents.V1;

namespace Platform.Agents.Persistence;

/// <summary>A row of <c>agents.tasks</c>: the task's spec, state, totals and lease.</summary>
public sealed record TaskRow
{
    public required string TaskId { get; init; }
    public required string AgentId { get; init; }
    public required string AgentType { get; init; }
    public required int Tier { get; init; }
    public required TaskSpec Spec { get; init; }
    public required AgentType TypeSnapshot { get; init; }
    public required string RequestHash { get; init; }
    public required string IdempotencyKey { get; init; }
    public required TaskState State { get; init; }
    public required TaskOutcome Outcome { get; init; }
    public required string OutcomeReason { get; init; }
    public required string Result { get; init; }
    public required int IterationCount { get; init; }
    public required int LastStep { get; init; }
    public required long InputTokens { get; init; }
    public required long OutputTokens { get; init; }
    public required long CachedInputTokens { get; init; }
    public required long CostMicros { get; init; }
    public required long WindowTokensSaved { get; init; }
    public required long ContextTokensSent { get; init; }
    public required long ContextBytesSaved { get; init; }
    public required int Warnings { get; init; }
    public required DateTime CreateTime { get; init; }
    public DateTime? StartTime { get; init; }
    public DateTime? EndTime { get; init; }
    public required DateTime UpdateTime { get; init; }
    public DateTime? CallDeadline { get; init; }
    public required int RunAttempt { get; init; }
    public required long LastEventSequence { get; init; }
    public required bool CancelRequested { get; init; }
    public required string CancelReason { get; init; }
    public string? Owner { get; init; }
    public DateTime? LeaseExpires { get; init; }
    public required string CarveReservationId { get; init; }

    public const int TaskWarnedBit = 1;
    public const int AgentWarnedBit = 2;
}
