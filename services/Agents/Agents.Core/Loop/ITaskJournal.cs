using Platform.Agents.V1;

namespace Platform.Agents.Loop;

/// <summary>
/// Where the loop records each finished step before it goes on (and before the caller hears of it).
/// Throws <see cref="LeaseLostException"/> when this worker no longer owns the task.
/// </summary>
public interface ITaskJournal
{
    Task RecordStepAsync(StepRecord step, LoopRun run, IReadOnlyList<TaskBudgetWarning> warnings, CancellationToken cancellationToken);
}
