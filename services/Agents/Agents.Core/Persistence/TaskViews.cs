using Google.Protobuf.WellKnownTypes;
using Platform.Agents.V1;
using Platform.Common.V1;

namespace Platform.Agents.Persistence;

/// <summary>The contract's view of a stored task.</summary>
public static class TaskViews
{
    public static AgentTask ToAgentTask(TaskRow row) => new()
    {
        TaskId = row.TaskId,
        Spec = row.Spec,
        State = row.State,
        Outcome = row.Outcome,
        OutcomeReason = row.OutcomeReason,
        Result = row.Result,
        IterationCount = row.IterationCount,
        Usage = Usage(row.InputTokens, row.OutputTokens, row.CachedInputTokens),
        CostMicros = row.CostMicros,
        CreateTime = Timestamp.FromDateTime(row.CreateTime),
        StartTime = row.StartTime is { } start ? Timestamp.FromDateTime(start) : null,
        EndTime = row.EndTime is { } end ? Timestamp.FromDateTime(end) : null,
        UpdateTime = Timestamp.FromDateTime(row.UpdateTime),
        IdempotencyKey = row.IdempotencyKey,
        RunAttempt = row.RunAttempt,
        LastEventSequence = row.LastEventSequence,
        CancelRequested = row.CancelRequested,
        Memory = new MemoryStats
        {
            WindowTokensSaved = row.WindowTokensSaved,
            SharedContextTokensSent = row.ContextTokensSent,
            SharedContextBytesSaved = row.ContextBytesSaved,
            CachedInputTokens = row.CachedInputTokens,
        },
    };

    public static TokenUsage Usage(long input, long output, long cached) => new()
    {
        InputTokens = input,
        OutputTokens = output,
        TotalTokens = input + output,
        CachedInputTokens = cached,
    };
}
