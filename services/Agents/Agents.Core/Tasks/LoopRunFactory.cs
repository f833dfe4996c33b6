using Platform.Agents.Budgeting;
using Platform.Agents.Loop;
using Platform.Agents.Memory;

namespace Platform.Agents.Tasks;

/// <summary>Builds a task's <see cref="LoopRun"/>, replaying recorded steps so a resumed task continues where it stopped.</summary>
public static class LoopRunFactory
{
    public static LoopRun Create(TaskBlueprint blueprint)
    {
        var spec = blueprint.Spec;
        var pinned = TaskPrompt.Pinned(blueprint.Type, spec.Goal, blueprint.SharedContexts);
        var window = new MemoryWindow(spec.MemoryWindowTokens, pinned);
        var run = new LoopRun
        {
            TaskId = blueprint.TaskId,
            AgentId = spec.AgentId,
            Policy = spec.ModelPolicy,
            MaxIterations = spec.MaxIterations,
            CompletionMarkers = blueprint.Type.CompletionMarkers,
            Window = window,
            History = new ConversationHistory(window.HistoryCapacity),
            Detector = new LoopDetector(blueprint.Type.LoopDetectionRepeats),
            Caps = new TaskCaps(spec.Budget?.MaxTokens, spec.Budget?.MaxCostMicros),
            Totals = blueprint.Totals,
            SharedContextTokens = pinned.Skip(1).Take(blueprint.SharedContexts.Count).Sum(turn => turn.Tokens),
            TaskWarned = blueprint.TaskWarned,
            AgentWarned = blueprint.AgentWarned,
        };
        foreach (var step in blueprint.Steps.OrderBy(step => step.StepNumber))
            run.Advance(step.StepNumber, step.Phase, step.Content);
        return run;
    }
}
