using Platform.Agents.V1;

namespace Platform.Agents.Loop;

/// <summary>What the last finished step means for the task: done, looping, out of budget, out of iterations, or go on.</summary>
public static class StepVerdict
{
    public static LoopEnd? After(LoopRun run, bool loopDetected)
    {
        if (run.LastStep == 0)
            return null;
        if (CompletionMarkers.TryComplete(run.LastReply, run.CompletionMarkers, out var result))
            return LoopEnd.Completed(result);
        if (loopDetected)
            return new LoopEnd(TaskOutcome.LoopDetected,
                $"the last {run.Detector.Repeats} actions were the same or nearly the same (iterations {run.Iteration - run.Detector.Repeats + 1}-{run.Iteration})",
                run.LastReply);
        if (run.Caps.ExhaustedAfter(run.Totals) is { } exhausted)
            return new LoopEnd(TaskOutcome.BudgetExceeded, exhausted, run.LastReply);
        if (run.LastPhase == StepPhase.Observe && run.Iteration >= run.MaxIterations)
            return MaxIterations(run);
        return null;
    }

    public static LoopEnd MaxIterations(LoopRun run) =>
        new(TaskOutcome.MaxIterations, $"{run.MaxIterations} iterations ran without a completion marker", run.LastReply);
}
