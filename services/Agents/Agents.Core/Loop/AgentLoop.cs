using System.Diagnostics;
using Platform.Agents.V1;

namespace Platform.Agents.Loop;

/// <summary>
/// The think -> act -> observe loop. Each step is one completion; the finished step is recorded in the
/// journal before anything else happens, so a worker that dies loses at most the step in flight, and the
/// task resumes after its last recorded step. Stops on a completion marker, a repeated action, the task's
/// caps, max iterations, a budget denial, cancellation, the deadline, or an unrecoverable failure.
/// </summary>
public sealed class AgentLoop(StepCaller caller, BudgetWarnings warnings, TimeProvider time)
{
    public async Task<LoopEnd> RunAsync(LoopRun run, ITaskJournal journal, TaskSignals signals)
    {
        // A resumed task whose last recorded step already ended it (the worker died before finishing) ends now.
        if (StepVerdict.After(run, run.Detector.Repeats > 0 && run.Detector.CurrentRun >= run.Detector.Repeats) is { } ended)
            return ended;

        while (true)
        {
            var stepNumber = run.LastStep + 1;
            var (iteration, phase) = StepNumbering.Of(stepNumber);
            if (iteration > run.MaxIterations)
                return StepVerdict.MaxIterations(run);
            if (signals.Check(time) is { } stop)
                return stop with { Result = run.LastReply };

            var conversation = run.Window.Build(run.History, PhasePrompts.For(phase, iteration));
            var allowance = run.Caps.ForStep(run.Totals, conversation.Tokens, run.MaxTokensPerStep, run.Policy.Hints?.MaxCostMicros, caller.MinOutputTokens);
            if (allowance.ExhaustedReason is { } exhausted)
                return new LoopEnd(TaskOutcome.BudgetExceeded, exhausted, run.LastReply);

            var call = new StepCall(run.TaskId, run.AgentId, stepNumber, iteration, phase, conversation.Messages, run.Policy,
                allowance.MaxTokens, allowance.MaxCostMicros, StepNumbering.IdempotencyKey(run.TaskId, stepNumber), signals.Deadline);
            var started = Stopwatch.GetTimestamp();
            var (reply, end) = await caller.CallAsync(call, allowance, signals, run.LastReply);
            if (end is not null)
                return end;

            var record = new StepRecord(stepNumber, iteration, phase, reply!, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                conversation.Tokens, conversation.HistoryTokensSaved, time.GetUtcNow().UtcDateTime);
            run.Totals.Add(reply!, conversation.HistoryTokensSaved, run.SharedContextTokens);
            var loopDetected = run.Advance(stepNumber, phase, reply!.Content);
            var crossed = await warnings.AfterStepAsync(run, signals.Shutdown);

            // The step was paid for: record it whatever happens to the task meanwhile (not cancellable).
            await journal.RecordStepAsync(record, run, crossed, CancellationToken.None);

            if (StepVerdict.After(run, loopDetected) is { } verdict)
                return verdict;
        }
    }
}
