using Google.Protobuf.WellKnownTypes;
using Platform.Agents.Budgeting;
using Platform.Agents.Loop;
using Platform.Agents.V1;

namespace Platform.Agents.Persistence;

/// <summary>Builds the TaskEvents a task emits (sequence numbers are gapless per task, from 1).</summary>
public static class TaskEvents
{
    public static TaskEvent Queued(string taskId, DateTime time, int position) =>
        New(taskId, 1, time, e => e.Queued = new TaskQueued { QueuePosition = position });

    public static TaskEvent Started(string taskId, long sequence, DateTime time, string worker, int attempt, int fromIteration) =>
        New(taskId, sequence, time, e => e.Started = new TaskStarted { WorkerId = worker, RunAttempt = attempt, ResumedFromIteration = fromIteration });

    public static TaskEvent Warning(string taskId, long sequence, DateTime time, TaskBudgetWarning warning) =>
        New(taskId, sequence, time, e => e.BudgetWarning = warning);

    public static TaskEvent Finished(string taskId, long sequence, DateTime time, TaskFinished finished) =>
        New(taskId, sequence, time, e => e.Finished = finished);

    public static TaskEvent Step(string taskId, long sequence, StepRecord step, TaskTotals totals) =>
        New(taskId, sequence, step.Time, e => e.Step = new TaskStep
        {
            Iteration = step.Iteration,
            Phase = step.Phase,
            Model = step.Reply.Model,
            Provider = step.Reply.Provider,
            Usage = TaskViews.Usage(step.Reply.InputTokens, step.Reply.OutputTokens, step.Reply.CachedInputTokens),
            CostMicros = step.Reply.CostMicros,
            LatencyMs = step.LatencyMs,
            Content = step.Reply.Content,
            FallbackDepth = step.Reply.FallbackDepth,
            RequestId = step.Reply.RequestId,
            TotalUsage = TaskViews.Usage(totals.InputTokens, totals.OutputTokens, totals.CachedInputTokens),
            TotalCostMicros = totals.CostMicros,
            ContextTokens = step.ContextTokens,
            WindowTokensSaved = step.WindowTokensSaved,
        });

    public static MemoryStats Memory(TaskTotals totals) => new()
    {
        WindowTokensSaved = totals.WindowTokensSaved,
        SharedContextTokensSent = totals.SharedContextTokensSent,
        SharedContextBytesSaved = totals.SharedContextBytesSaved,
        CachedInputTokens = totals.CachedInputTokens,
    };

    private static TaskEvent New(string taskId, long sequence, DateTime time, Action<TaskEvent> kind)
    {
        var taskEvent = new TaskEvent { TaskId = taskId, Sequence = sequence, EventTime = Timestamp.FromDateTime(time) };
        kind(taskEvent);
        return taskEvent;
    }
}
