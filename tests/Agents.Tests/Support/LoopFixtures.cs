using Platform.Agents.Budgeting;
using Platform.Agents.Loop;
using Platform.Agents.Tasks;
using Platform.Agents.Types;
using Platform.Agents.V1;

namespace Platform.Agents.Tests.Support;

/// <summary>Builds loops and runs for unit tests from a spec, the way the worker does.</summary>
public static class LoopFixtures
{
    public static readonly LoopOptions FastOptions = new()
    {
        RetryBaseDelay = TimeSpan.FromMilliseconds(5),
        RetryMaxDelay = TimeSpan.FromMilliseconds(20),
        MaxStepAttempts = 3,
    };

    public static TaskSpec Spec(string goal = "Write a haiku about queues.", int maxIterations = 0, long? maxTokens = null, long? maxCost = null) => new()
    {
        Goal = goal,
        AgentId = "agent-1",
        AgentType = "general",
        MaxIterations = maxIterations,
        Budget = new TaskBudget { MaxTokens = maxTokens, MaxCostMicros = maxCost },
    };

    public static LoopRun Run(TaskSpec spec, IReadOnlyList<string>? contexts = null, IReadOnlyList<RecordedStep>? steps = null, TaskTotals? totals = null, AgentType? type = null)
    {
        type ??= BuiltInAgentTypes.All[BuiltInAgentTypes.General];
        var resolved = TaskSpecResolver.Resolve(spec, type);
        return LoopRunFactory.Create(new TaskBlueprint("task-1", resolved, type, contexts ?? [], steps ?? [], totals ?? new TaskTotals(), false, false));
    }

    public static AgentLoop Loop(IStepModel model, LoopOptions? options = null, IAgentBudgetView? agentBudget = null)
    {
        options ??= FastOptions;
        return new AgentLoop(new StepCaller(model, options, TimeProvider.System), new BudgetWarnings(options, agentBudget), TimeProvider.System);
    }

    public static TaskSignals Signals(TimeSpan? timeout = null) =>
        new(DateTime.UtcNow + (timeout ?? TimeSpan.FromMinutes(5)), CancellationToken.None);
}
