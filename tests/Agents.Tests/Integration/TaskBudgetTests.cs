using Platform.Agents.Tests.Infrastructure;
using Platform.Agents.V1;

namespace Platform.Agents.Tests.Integration;

/// <summary>
/// A task's own caps: carved out of the agent's budget at start (a held reservation), shrunk to what is
/// left after each step, and released at the end so the unused part goes back to the agent.
/// </summary>
[Collection(ChainFixture.Collection)]
public sealed class TaskBudgetTests(ChainFixture chain)
{
    private const string CarveModel = "agents-task-budget";

    [Fact]
    public async Task Exhausting_the_token_cap_mid_task_stops_cleanly_and_returns_the_unused_part()
    {
        var agent = "cap-" + Guid.NewGuid().ToString("N")[..10];
        await chain.RegisterAgentAsync(agent, hourlyTokenLimit: 1_000_000);
        var spec = TaskCalls.Spec(agent, "Draft the whole handbook.", script: "never-done");
        spec.Budget = new TaskBudget { MaxTokens = 3_000 };
        spec.ModelPolicy.MaxTokensPerStep = 150;

        var events = await TaskCalls.RunAsync(chain.Agents.Client, new RunTaskRequest { Spec = spec });

        var finished = events[^1].Finished;
        Assert.Equal(TaskOutcome.BudgetExceeded, finished.Outcome);
        Assert.Contains("token cap", finished.Reason);
        Assert.True(finished.Usage.TotalTokens <= 3_000, $"used {finished.Usage.TotalTokens} of a 3,000-token cap");
        Assert.True(events.Count(e => e.KindCase == TaskEvent.KindOneofCase.Step) >= 3);
        // The next step's prompt may not fit long before the cap is used up; the 80% warning comes only if it was crossed.
        Assert.Equal(finished.Usage.TotalTokens >= 2_400,
            events.Any(e => e.KindCase == TaskEvent.KindOneofCase.BudgetWarning && e.BudgetWarning.Scope == BudgetScope.Task));

        var taskId = events[0].TaskId;
        await using var database = chain.OpenDatabase();
        var ledger = await Ledger.SettledForTasksAsync(database, [taskId], entries =>
            Carves(entries, Ledger.Grant).Count > 0 && Carves(entries, Ledger.Grant).Count == Carves(entries, Ledger.Release).Count);
        var grants = Carves(ledger, Ledger.Grant);
        var releases = Carves(ledger, Ledger.Release);
        Assert.Equal(3_000, grants[0].Tokens);                                  // the whole cap held at start
        Assert.Equal(grants.Select(g => g.ReservationId).Order(), releases.Select(r => r.ReservationId).Order()); // every hold given back
        Assert.Equal(3_000 - finished.Usage.TotalTokens, grants[^1].Tokens);    // the last hold was exactly what the cap had left
        Assert.Equal(grants[^1].Tokens, Math.Abs(releases.Single(r => r.ReservationId == grants[^1].ReservationId).Tokens));
        Assert.DoesNotContain(ledger, e => e.Model == CarveModel && e.Type == Ledger.Commit);   // a hold is never billed

        // The agent is charged exactly what the steps used; nothing stays held.
        var usage = (await chain.Budget.GetUsageReportAsync(new Budget.V1.GetUsageReportRequest { AgentIds = { agent } }, deadline: TaskCalls.Deadline())).Agents.Single();
        Assert.Equal(finished.Usage.TotalTokens, usage.HourlyTokens.Used);
        Assert.Equal(0, usage.HourlyTokens.Reserved);
    }

    [Fact]
    public async Task The_cost_cap_bounds_what_the_task_spends()
    {
        var agent = "costcap-" + Guid.NewGuid().ToString("N")[..10];
        await chain.RegisterAgentAsync(agent);
        var spec = TaskCalls.Spec(agent, "Summarise every report.", script: "never-done");
        spec.Budget = new TaskBudget { MaxCostMicros = 4_000 };
        spec.ModelPolicy.MaxTokensPerStep = 100;

        var events = await TaskCalls.RunAsync(chain.Agents.Client, new RunTaskRequest { Spec = spec });

        var finished = events[^1].Finished;
        Assert.Equal(TaskOutcome.BudgetExceeded, finished.Outcome);
        Assert.True(finished.CostMicros <= 4_000, $"spent {finished.CostMicros} of a 4,000 micro-USD cap");
        Assert.True(events.Count(e => e.KindCase == TaskEvent.KindOneofCase.Step) >= 3);
    }

    [Fact]
    public async Task A_cap_the_agent_cannot_cover_ends_the_task_before_any_call()
    {
        var agent = "tight-" + Guid.NewGuid().ToString("N")[..10];
        await chain.RegisterAgentAsync(agent, hourlyTokenLimit: 1_000);
        var spec = TaskCalls.Spec(agent, "Anything at all.");
        spec.Budget = new TaskBudget { MaxTokens = 5_000 };

        var events = await TaskCalls.RunAsync(chain.Agents.Client, new RunTaskRequest { Spec = spec });

        Assert.Equal(TaskOutcome.BudgetExceeded, events[^1].Finished.Outcome);
        Assert.Contains("cannot cover", events[^1].Finished.Reason);
        Assert.DoesNotContain(events, e => e.KindCase == TaskEvent.KindOneofCase.Step);
    }

    private static List<Ledger.Entry> Carves(List<Ledger.Entry> entries, short type) =>
        entries.Where(e => e.Model == CarveModel && e.Type == type).ToList();
}
