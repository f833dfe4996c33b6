using Platform.Agents.V1;

namespace Platform.Agents.Persistence;

/// <summary>A task about to be stored as QUEUED, with its first event (TaskQueued, sequence 1).</summary>
public sealed record NewTask(
    string TaskId,
    TaskSpec Spec,
    AgentType Type,
    int Tier,
    string RequestHash,
    string IdempotencyKey,
    DateTime CreateTime,
    DateTime? CallDeadline,
    long ContextBytesSaved,
    TaskEvent QueuedEvent);
