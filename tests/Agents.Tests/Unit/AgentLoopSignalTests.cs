using Platform.Agents.Budgeting;
using Platform.Agents.Loop;
using Platform.Agents.Tasks;
using Platform.Agents.Tests.Support;
using Platform.Agents.V1;

namespace Platform.Agents.Tests.Unit;

/// <summary>Cancellation, deadline, shutdown hand-off, transient failures, lost leases and resuming.</summary>
public sealed class AgentLoopSignalTests
{
    [Fact]
    public async Task Cancelling_cancels_the_in_flight_call_and_ends_cancelled()
    {
        var model = new HangingModel();
        using var signals = LoopFixtures.Signals();
        var running = LoopFixtures.Loop(model).RunAsync(LoopFixtures.Run(LoopFixtures.Spec()), new InMemoryJournal(), signals);

        await model.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        signals.RequestCancel("operator said stop");
        var end = await running.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(TaskOutcome.Cancelled, end.Outcome);
        Assert.Equal("operator said stop", end.Reason);
        Assert.True(model.SawCancellation);
    }

    [Fact]
    public async Task The_deadline_cuts_the_in_flight_call_and_ends_deadline_exceeded()
    {
        var model = new HangingModel();
        using var signals = LoopFixtures.Signals(TimeSpan.FromMilliseconds(300));

        var end = await LoopFixtures.Loop(model).RunAsync(LoopFixtures.Run(LoopFixtures.Spec()), new InMemoryJournal(), signals).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(TaskOutcome.DeadlineExceeded, end.Outcome);
        Assert.True(model.SawCancellation);
    }

    [Fact]
    public async Task Shutdown_hands_the_task_off_without_an_outcome()
    {
        var model = new HangingModel();
        using var shutdown = new CancellationTokenSource();
        using var signals = new TaskSignals(DateTime.UtcNow.AddMinutes(5), shutdown.Token);
        var running = LoopFixtures.Loop(model).RunAsync(LoopFixtures.Run(LoopFixtures.Spec()), new InMemoryJournal(), signals);

        await model.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await shutdown.CancelAsync();
        var end = await running.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(end.Handoff);
    }

    [Fact]
    public async Task Transient_failures_are_retried_with_the_same_idempotency_key()
    {
        var model = new ScriptedStepModel((_, index) => index < 2
            ? throw new StepFailure(StepFailureKind.Transient, "UPSTREAM_UNAVAILABLE", "every model failed")
            : ScriptedStepModel.Reply("ok [DONE]"));
        using var signals = LoopFixtures.Signals();

        var end = await LoopFixtures.Loop(model).RunAsync(LoopFixtures.Run(LoopFixtures.Spec()), new InMemoryJournal(), signals);

        Assert.Equal(TaskOutcome.Completed, end.Outcome);
        Assert.Equal(["task-1:step:1", "task-1:step:1", "task-1:step:1"], model.Calls.Select(c => c.IdempotencyKey));
    }

    [Fact]
    public async Task Rate_limiting_is_waited_out_beyond_the_attempt_limit()
    {
        var model = new ScriptedStepModel((_, index) => index < 8
            ? throw new StepFailure(StepFailureKind.RateLimited, "RATE_LIMITED", "every model is at its limit", TimeSpan.FromMilliseconds(1))
            : ScriptedStepModel.Reply("ok [DONE]"));
        using var signals = LoopFixtures.Signals();

        var end = await LoopFixtures.Loop(model).RunAsync(LoopFixtures.Run(LoopFixtures.Spec()), new InMemoryJournal(), signals);

        Assert.Equal(TaskOutcome.Completed, end.Outcome);
        Assert.Equal(9, model.CallCount);
    }

    [Fact]
    public async Task Rate_limiting_past_the_patience_fails_the_task()
    {
        var options = new LoopOptions { RetryBaseDelay = TimeSpan.FromMilliseconds(5), RetryMaxDelay = TimeSpan.FromMilliseconds(20), RateLimitedPatience = TimeSpan.FromMilliseconds(200) };
        var model = new ScriptedStepModel((_, _) => throw new StepFailure(StepFailureKind.RateLimited, "RATE_LIMITED", "every model is at its limit"));
        using var signals = LoopFixtures.Signals();

        var end = await LoopFixtures.Loop(model, options).RunAsync(LoopFixtures.Run(LoopFixtures.Spec()), new InMemoryJournal(), signals);

        Assert.Equal(TaskOutcome.Failed, end.Outcome);
        Assert.Contains("RATE_LIMITED", end.Reason);
    }

    [Fact]
    public async Task Persistent_failures_end_failed_with_the_reason()
    {
        var model = new ScriptedStepModel((_, _) => throw new StepFailure(StepFailureKind.Transient, "UPSTREAM_UNAVAILABLE", "every model failed"));
        using var signals = LoopFixtures.Signals();

        var end = await LoopFixtures.Loop(model).RunAsync(LoopFixtures.Run(LoopFixtures.Spec()), new InMemoryJournal(), signals);

        Assert.Equal(TaskOutcome.Failed, end.Outcome);
        Assert.Contains("UPSTREAM_UNAVAILABLE", end.Reason);
        Assert.Equal(LoopFixtures.FastOptions.MaxStepAttempts, model.CallCount);
    }

    [Fact]
    public async Task A_lost_lease_stops_the_loop_without_an_outcome()
    {
        using var signals = LoopFixtures.Signals();

        await Assert.ThrowsAsync<LeaseLostException>(() =>
            LoopFixtures.Loop(ScriptedStepModel.DoneAfter(0)).RunAsync(LoopFixtures.Run(LoopFixtures.Spec()), new InMemoryJournal { LoseLeaseAfter = 2 }, signals));
    }

    [Fact]
    public async Task A_resumed_task_continues_after_its_last_recorded_step()
    {
        RecordedStep[] recorded = [new(1, StepPhase.Think, "plan the work"), new(2, StepPhase.Act, "wrote the outline"), new(3, StepPhase.Observe, "outline looks right")];
        var totals = new TaskTotals { InputTokens = 300, OutputTokens = 60, CostMicros = 30 };
        var model = ScriptedStepModel.DoneAfter(2);
        var journal = new InMemoryJournal();
        using var signals = LoopFixtures.Signals();
        var run = LoopFixtures.Run(LoopFixtures.Spec(), steps: recorded, totals: totals);

        var end = await LoopFixtures.Loop(model).RunAsync(run, journal, signals);

        Assert.Equal(TaskOutcome.Completed, end.Outcome);
        Assert.Equal([4, 5], model.Calls.Select(c => c.StepNumber));
        Assert.Equal("task-1:step:4", model.Calls.First().IdempotencyKey);
        Assert.Contains(model.Calls.First().Messages, m => m.Content == "outline looks right");
        Assert.Equal(500, run.Totals.InputTokens);
    }

    [Fact]
    public async Task A_resumed_task_whose_last_step_already_completed_it_ends_without_a_call()
    {
        RecordedStep[] recorded = [new(1, StepPhase.Think, "thinking"), new(2, StepPhase.Act, "the answer is 42 [DONE]")];
        var model = ScriptedStepModel.DoneAfter(1);
        using var signals = LoopFixtures.Signals();

        var end = await LoopFixtures.Loop(model).RunAsync(LoopFixtures.Run(LoopFixtures.Spec(), steps: recorded), new InMemoryJournal(), signals);

        Assert.Equal(TaskOutcome.Completed, end.Outcome);
        Assert.Equal("the answer is 42", end.Result);
        Assert.Equal(0, model.CallCount);
    }

    /// <summary>A model call that never answers until it is cancelled, like a hung provider.</summary>
    private sealed class HangingModel : IStepModel
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public bool SawCancellation { get; private set; }

        public async Task<StepReply> CompleteAsync(StepCall call, CancellationToken cancellationToken)
        {
            Started.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                SawCancellation = true;
                throw;
            }
            throw new InvalidOperationException("unreachable");
        }
    }
}
