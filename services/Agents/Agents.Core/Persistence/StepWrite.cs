using Platform.Agents.Budgeting;
using Platform.Agents.Loop;
using Platform.Agents.V1;

namespace Platform.Agents.Persistence;

/// <summary>One step's write: the step row, the task's new totals, and the events (step first, then warnings).</summary>
public sealed record StepWrite(StepRecord Step, TaskTotals Totals, int Warnings, IReadOnlyList<TaskEvent> Events);
