using Platform.Agents.Budgeting;
using Platform.Agents.Loop;
using Platform.Agents.Tests.Support;
using Platform.Agents.V1;

namespace Platform.Agents.Tests.Unit;

/// <summary>Task caps, budget denials and budget warnings in the loop.</summary>
public sealed class AgentLoopBudgetTests
{
    [Fact]
    public async Task The_token_cap_shrinks_each_call_and_stops_the_task_cleanly()
    {
        var model = new ScriptedStepModel((call, index) => ScriptedStepModel.Reply($"{ScriptedStepModel.Words(index)} step {call.StepNumber}",
            input: call.Messages.Sum(m => m.Tokens) + 3, output: Math.Min(60, call.MaxTokens)));
        var journal = new InMemoryJournal();
        using var signals = LoopFixtures.Signals();
        var run = LoopFixtures.Run(LoopFixtures.Spec(maxTokens: 1500));

        var end = await LoopFixtures.Loop(model).RunAsync(run, journal, signals);

        Assert.Equal(TaskOutcome.BudgetExceeded, end.Outcome);
        Assert.Contains("token cap", end.Reason);
        Assert.True(run.Totals.TotalTokens <= 1500, $"used {run.Totals.TotalTokens} of a 1500-token cap");
        long used = 0;
        foreach (var call in model.Calls)
        {
            var prompt = call.Messages.Sum(m => m.Tokens) + 3;
            Assert.True(prompt + call.MaxTokens <= 1500 - used, $"step {call.StepNumber} could overspend: prompt {prompt} + max {call.MaxTokens} > {1500 - used} left");
            used += prompt + Math.Min(60, call.MaxTokens);
        }
    }

    [Fact]
    public async Task The_cost_cap_is_passed_as_the_max_cost_of_each_call_and_ends_the_task_when_spent()
    {
        var model = new ScriptedStepModel((call, index) => ScriptedStepModel.Reply("working " + ScriptedStepModel.Words(index), cost: 10));
        var journal = new InMemoryJournal();
        using var signals = LoopFixtures.Signals();

        var end = await LoopFixtures.Loop(model).RunAsync(LoopFixtures.Run(LoopFixtures.Spec(maxCost: 35)), journal, signals);

        Assert.Equal(TaskOutcome.BudgetExceeded, end.Outcome);
        Assert.Contains("cost cap", end.Reason);
        Assert.Equal([35L, 25L, 15L, 5L], model.Calls.Select(c => c.MaxCostMicros!.Value));
        Assert.Equal(4, journal.Steps.Count);
    }

    [Fact]
    public async Task A_zero_cap_stops_before_any_call()
    {
        var model = ScriptedStepModel.DoneAfter(1);
        using var signals = LoopFixtures.Signals();

        var end = await LoopFixtures.Loop(model).RunAsync(LoopFixtures.Run(LoopFixtures.Spec(maxCost: 0)), new InMemoryJournal(), signals);

        Assert.Equal(TaskOutcome.BudgetExceeded, end.Outcome);
        Assert.Equal(0, model.CallCount);
    }

    [Fact]
    public async Task An_agent_budget_denial_is_a_clean_budget_exceeded_outcome()
    {
        var model = new ScriptedStepModel((_, index) => index < 2
            ? ScriptedStepModel.Reply("fine " + ScriptedStepModel.Words(index))
            : throw new StepFailure(StepFailureKind.BudgetDenied, "BUDGET_DENIED", "hourly token limit reached", TimeSpan.FromMinutes(20)));
        var journal = new InMemoryJournal();
        using var signals = LoopFixtures.Signals();

        var end = await LoopFixtures.Loop(model).RunAsync(LoopFixtures.Run(LoopFixtures.Spec()), journal, signals);

        Assert.Equal(TaskOutcome.BudgetExceeded, end.Outcome);
        Assert.Contains("hourly token limit", end.Reason);
        Assert.Equal(2, journal.Steps.Count);
        Assert.Equal(3, model.CallCount);
    }

    [Fact]
    public async Task A_budget_denial_that_clears_within_seconds_is_waited_out()
    {
        var model = new ScriptedStepModel((_, index) => index == 0
            ? throw new StepFailure(StepFailureKind.BudgetDenied, "BUDGET_DENIED", "held by in-flight calls", TimeSpan.FromMilliseconds(20))
            : ScriptedStepModel.Reply("done [DONE]"));
        using var signals = LoopFixtures.Signals();

        var end = await LoopFixtures.Loop(model).RunAsync(LoopFixtures.Run(LoopFixtures.Spec()), new InMemoryJournal(), signals);

        Assert.Equal(TaskOutcome.Completed, end.Outcome);
        Assert.Equal(2, model.CallCount);
    }

    [Fact]
    public async Task No_model_within_the_remaining_cost_cap_is_budget_exceeded_but_otherwise_failed()
    {
        static ScriptedStepModel NoModel() => new((_, _) => throw new StepFailure(StepFailureKind.NoEligibleModel, "NO_ELIGIBLE_MODEL", "no model satisfies the hints"));
        using var signals = LoopFixtures.Signals();

        var capped = await LoopFixtures.Loop(NoModel()).RunAsync(LoopFixtures.Run(LoopFixtures.Spec(maxCost: 5)), new InMemoryJournal(), signals);
        var uncapped = await LoopFixtures.Loop(NoModel()).RunAsync(LoopFixtures.Run(LoopFixtures.Spec()), new InMemoryJournal(), signals);

        Assert.Equal(TaskOutcome.BudgetExceeded, capped.Outcome);
        Assert.Equal(TaskOutcome.Failed, uncapped.Outcome);
        Assert.Contains("NO_ELIGIBLE_MODEL", uncapped.Reason);
    }

    [Fact]
    public async Task Crossing_80_percent_of_the_task_cap_warns_once()
    {
        var model = new ScriptedStepModel((_, index) => ScriptedStepModel.Reply("step " + ScriptedStepModel.Words(index), cost: 10));
        var journal = new InMemoryJournal();
        using var signals = LoopFixtures.Signals();

        await LoopFixtures.Loop(model).RunAsync(LoopFixtures.Run(LoopFixtures.Spec(maxCost: 100)), journal, signals);

        var warning = Assert.Single(journal.Warnings);
        Assert.Equal(BudgetScope.Task, warning.Scope);
        Assert.Equal(80, warning.UtilisationPercent);
        Assert.Equal(100, warning.LimitCostMicros);
    }

    [Fact]
    public async Task The_agent_budget_view_raises_an_agent_warning_once()
    {
        var view = new FixedBudgetView(new AgentBudgetStatus(91, 9100, 10000, 0, null, "hourly tokens"));
        var journal = new InMemoryJournal();
        using var signals = LoopFixtures.Signals();

        await LoopFixtures.Loop(ScriptedStepModel.DoneAfter(4), agentBudget: view).RunAsync(LoopFixtures.Run(LoopFixtures.Spec()), journal, signals);

        var warning = Assert.Single(journal.Warnings);
        Assert.Equal(BudgetScope.Agent, warning.Scope);
        Assert.Equal(10000, warning.LimitTokens);
    }

    private sealed class FixedBudgetView(AgentBudgetStatus status) : IAgentBudgetView
    {
        public ValueTask<AgentBudgetStatus?> GetAsync(string agentId, CancellationToken cancellationToken) => ValueTask.FromResult<AgentBudgetStatus?>(status);
    }
}
