using Platform.Agents.Budgeting;
using Platform.Agents.V1;

namespace Platform.Agents.Loop;

/// <summary>
/// Makes one step's call and decides what each failure means: transient ones are retried (with the same
/// idempotency key, so a call that did go through is not billed again), a budget denial is a clean
/// BUDGET_EXCEEDED, cancellation and the deadline become their outcomes, and anything else is FAILED.
/// </summary>
public sealed class StepCaller(IStepModel model, LoopOptions options, TimeProvider time)
{
    public int MinOutputTokens => options.MinStepOutputTokens;

    /// <summary>The reply, or the end of the task.</summary>
    public async Task<(StepReply? Reply, LoopEnd? End)> CallAsync(StepCall call, StepAllowance allowance, TaskSignals signals, string lastReply)
    {
        var attempts = 0;
        var transientFailures = 0;
        var budgetWaits = 0;
        var rateLimited = 0;
        var firstFailure = (DateTime?)null;
        while (true)
        {
            attempts++;
            StepFailure failure;
            using (var limit = signals.Link(time, options.StepTimeout))
            {
                try
                {
                    return (await model.CompleteAsync(call, limit.Token), null);
                }
                catch (StepFailure e)
                {
                    failure = e;
                }
                catch (OperationCanceledException e)
                {
                    failure = new StepFailure(StepFailureKind.Cancelled, "CANCELLED", "the step call was cancelled", inner: e);
                }
            }

            if (signals.Check(time) is { } stop)
                return (null, stop with { Result = lastReply });
            firstFailure ??= time.GetUtcNow().UtcDateTime;

            TimeSpan delay;
            switch (failure.Kind)
            {
                case StepFailureKind.BudgetDenied when failure.RetryAfter is { } wait && wait <= options.BudgetRetryMaxWait && budgetWaits++ < 2:
                    delay = wait;
                    break;
                case StepFailureKind.BudgetDenied:
                    return (null, new LoopEnd(TaskOutcome.BudgetExceeded, $"the agent's budget refused step {call.StepNumber}: {failure.Message}", lastReply));
                case StepFailureKind.NoEligibleModel when allowance.CostCapBinding:
                    return (null, new LoopEnd(TaskOutcome.BudgetExceeded,
                        $"no model can run step {call.StepNumber} within the {allowance.MaxCostMicros} micro-USD left of the task's cost cap", lastReply));
                case StepFailureKind.NoEligibleModel or StepFailureKind.Permanent:
                    return (null, Failed(call, failure, attempts, lastReply));
                case StepFailureKind.RateLimited:
                    // Backpressure, not failure: wait our turn (jittered, at least what the gateway asks), for a while.
                    if (time.GetUtcNow().UtcDateTime - firstFailure > options.RateLimitedPatience)
                        return (null, Failed(call, failure, attempts, lastReply));
                    var backoff = Backoff(++rateLimited);
                    delay = failure.RetryAfter is { } asked && asked > backoff ? asked : backoff;
                    break;
                default:
                    if (++transientFailures >= options.MaxStepAttempts)
                        return (null, Failed(call, failure, attempts, lastReply));
                    delay = failure.RetryAfter ?? Backoff(transientFailures);
                    break;
            }

            if (await WaitAsync(delay, signals) is { } end)
                return (null, end with { Result = lastReply });
        }
    }

    private TimeSpan Backoff(int attempt)
    {
        var exponential = options.RetryBaseDelay * Math.Pow(2, attempt - 1);
        var capped = exponential < options.RetryMaxDelay ? exponential : options.RetryMaxDelay;
        return capped * (0.5 + Random.Shared.NextDouble() / 2);
    }

    /// <summary>Waits before a retry; the signals (cancel, shutdown, deadline) cut the wait short.</summary>
    private async Task<LoopEnd?> WaitAsync(TimeSpan delay, TaskSignals signals)
    {
        using var limit = signals.Link(time, delay);
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, time, limit.Token);
        }
        catch (OperationCanceledException)
        {
        }
        return signals.Check(time);
    }

    private static LoopEnd Failed(StepCall call, StepFailure failure, int attempts, string lastReply) => new(
        TaskOutcome.Failed,
        $"step {call.StepNumber} ({call.Phase.ToString().ToLowerInvariant()}) failed after {attempts} attempt(s): {failure.Reason}: {failure.Message}",
        lastReply);
}
