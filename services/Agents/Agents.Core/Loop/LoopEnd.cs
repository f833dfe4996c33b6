using Platform.Agents.V1;

namespace Platform.Agents.Loop;

/// <summary>
/// How a run of the loop ended: a task outcome with its reason and result, or a hand-off (the replica
/// is shutting down; the task is not finished and another replica resumes it).
/// </summary>
public sealed record LoopEnd(TaskOutcome Outcome, string Reason, string Result, bool Handoff = false)
{
    public static LoopEnd Completed(string result) => new(TaskOutcome.Completed, "a completion marker was emitted", result);

    public static LoopEnd HandedOff() => new(TaskOutcome.Unspecified, "the worker is shutting down", "", Handoff: true);
}
