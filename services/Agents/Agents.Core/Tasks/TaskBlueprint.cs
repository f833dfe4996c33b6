using Platform.Agents.Budgeting;
using Platform.Agents.V1;

namespace Platform.Agents.Tasks;

/// <summary>Everything needed to (re)build a task's loop: its stored spec and type, shared context, and the steps already recorded.</summary>
public sealed record TaskBlueprint(
    string TaskId,
    TaskSpec Spec,
    AgentType Type,
    IReadOnlyList<string> SharedContexts,
    IReadOnlyList<RecordedStep> Steps,
    TaskTotals Totals,
    bool TaskWarned,
    bool AgentWarned);

/// <summary>A step read back from storage: enough to replay it into memory and the loop detector.</summary>
public sealed record RecordedStep(int StepNumber, StepPhase Phase, string Content);
