using Platform.Agents.Loop;
using Platform.Agents.Tests.Support;
using Platform.Agents.V1;

namespace Platform.Agents.Tests.Unit;

/// <summary>Each outcome of the think-act-observe loop, driven by a deterministic in-memory model.</summary>
public sealed class AgentLoopOutcomeTests
{
    [Fact]
    public async Task A_completion_marker_completes_the_task_with_the_reply_minus_the_marker()
    {
        var model = ScriptedStepModel.DoneAfter(5);
        var journal = new InMemoryJournal();
        using var signals = LoopFixtures.Signals();

        var end = await LoopFixtures.Loop(model).RunAsync(LoopFixtures.Run(LoopFixtures.Spec()), journal, signals);

        Assert.Equal(TaskOutcome.Completed, end.Outcome);
        Assert.Equal("All finished for step 5.", end.Result);
        Assert.Equal([1, 2, 3, 4, 5], journal.Steps.Select(s => s.StepNumber));
        Assert.Equal([StepPhase.Think, StepPhase.Act, StepPhase.Observe, StepPhase.Think, StepPhase.Act], journal.Steps.Select(s => s.Phase));
        Assert.All(model.Calls, call => Assert.Equal($"task-1:step:{call.StepNumber}", call.IdempotencyKey));
    }

    [Fact]
    public async Task Custom_markers_of_the_agent_type_are_honoured()
    {
        var type = Types.AgentTypeRules.Normalize(new AgentType { Name = "finisher", SystemPrompt = "Finish.", CompletionMarkers = { "<<END>>" } });
        var model = new ScriptedStepModel((_, index) => ScriptedStepModel.Reply(index == 1 ? "result <<END>>" : "[DONE] is not my marker " + index));
        using var signals = LoopFixtures.Signals();

        var end = await LoopFixtures.Loop(model).RunAsync(LoopFixtures.Run(LoopFixtures.Spec(), type: type), new InMemoryJournal(), signals);

        Assert.Equal(TaskOutcome.Completed, end.Outcome);
        Assert.Equal("result", end.Result);
        Assert.Equal(2, model.CallCount);
    }

    [Fact]
    public async Task Max_iterations_ends_after_the_last_observe_step()
    {
        var model = ScriptedStepModel.DoneAfter(0);
        var journal = new InMemoryJournal();
        using var signals = LoopFixtures.Signals();

        var end = await LoopFixtures.Loop(model).RunAsync(LoopFixtures.Run(LoopFixtures.Spec(maxIterations: 2)), journal, signals);

        Assert.Equal(TaskOutcome.MaxIterations, end.Outcome);
        Assert.Equal(6, journal.Steps.Count);
        Assert.Equal(StepPhase.Observe, journal.Steps.Last().Phase);
        Assert.Equal(journal.Steps.Last().Reply.Content, end.Result);
    }

    [Fact]
    public async Task The_same_action_three_iterations_running_is_a_loop()
    {
        var model = ScriptedStepModel.Looping();
        var journal = new InMemoryJournal();
        using var signals = LoopFixtures.Signals();

        var end = await LoopFixtures.Loop(model).RunAsync(LoopFixtures.Run(LoopFixtures.Spec()), journal, signals);

        Assert.Equal(TaskOutcome.LoopDetected, end.Outcome);
        Assert.Equal(8, journal.Steps.Count); // think, act, observe twice, then think and the third act
        Assert.Equal(StepPhase.Act, journal.Steps.Last().Phase);
    }

    [Fact]
    public async Task Near_same_actions_that_only_differ_by_counters_are_a_loop()
    {
        var model = new ScriptedStepModel((call, _) => ScriptedStepModel.Reply(
            call.Phase == StepPhase.Act ? $"Retrying the fetch of page {call.Iteration * 17}, attempt #{call.Iteration}." : ScriptedStepModel.Words(call.StepNumber)));
        using var signals = LoopFixtures.Signals();

        var end = await LoopFixtures.Loop(model).RunAsync(LoopFixtures.Run(LoopFixtures.Spec()), new InMemoryJournal(), signals);

        Assert.Equal(TaskOutcome.LoopDetected, end.Outcome);
    }

    [Fact]
    public async Task Varied_actions_are_not_a_loop()
    {
        var model = ScriptedStepModel.DoneAfter(0);
        using var signals = LoopFixtures.Signals();

        var end = await LoopFixtures.Loop(model).RunAsync(LoopFixtures.Run(LoopFixtures.Spec(maxIterations: 10)), new InMemoryJournal(), signals);

        Assert.Equal(TaskOutcome.MaxIterations, end.Outcome);
    }

    [Fact]
    public async Task Loop_detection_can_be_disabled_by_the_agent_type()
    {
        var type = Types.AgentTypeRules.Normalize(new AgentType { Name = "stubborn", SystemPrompt = "Repeat.", LoopDetectionRepeats = -1 });
        using var signals = LoopFixtures.Signals();

        var end = await LoopFixtures.Loop(ScriptedStepModel.Looping()).RunAsync(
            LoopFixtures.Run(LoopFixtures.Spec(maxIterations: 5), type: type), new InMemoryJournal(), signals);

        Assert.Equal(TaskOutcome.MaxIterations, end.Outcome);
    }
}
