using System.Collections.Concurrent;
using Platform.Agents.Loop;
using Platform.Agents.V1;

namespace Platform.Agents.Tests.Support;

/// <summary>Keeps recorded steps and warnings in memory; can simulate a lost lease after N steps.</summary>
public sealed class InMemoryJournal : ITaskJournal
{
    public ConcurrentQueue<StepRecord> Steps { get; } = new();
    public ConcurrentQueue<TaskBudgetWarning> Warnings { get; } = new();
    public int? LoseLeaseAfter { get; init; }

    public Task RecordStepAsync(StepRecord step, LoopRun run, IReadOnlyList<TaskBudgetWarning> warnings, CancellationToken cancellationToken)
    {
        if (LoseLeaseAfter is { } limit && Steps.Count >= limit)
            throw new LeaseLostException(run.TaskId);
        Steps.Enqueue(step);
        foreach (var warning in warnings)
            Warnings.Enqueue(warning);
        return Task.CompletedTask;
    }
}
