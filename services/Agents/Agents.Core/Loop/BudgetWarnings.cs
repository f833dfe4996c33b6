using Platform.Agents.Budgeting;
using Platform.Agents.V1;

namespace Platform.Agents.Loop;

/// <summary>The task-scope and agent-scope warnings a step crosses (each sent at most once per task).</summary>
public sealed class BudgetWarnings(LoopOptions options, IAgentBudgetView? agentBudget)
{
    public async Task<IReadOnlyList<TaskBudgetWarning>> AfterStepAsync(LoopRun run, CancellationToken cancellationToken)
    {
        List<TaskBudgetWarning>? warnings = null;
        var threshold = options.WarningThresholdPercent;
        if (!run.TaskWarned && run.Caps.Any && run.Caps.UtilisationPercent(run.Totals) is var percent && percent >= threshold)
        {
            run.TaskWarned = true;
            (warnings ??= []).Add(TaskWarning(run, percent, threshold));
        }

        if (!run.AgentWarned && agentBudget is not null && await SafeGetAsync(run.AgentId, cancellationToken) is { } status
            && status.UtilisationPercent >= threshold)
        {
            run.AgentWarned = true;
            (warnings ??= []).Add(AgentWarning(status, threshold));
        }
        return warnings ?? (IReadOnlyList<TaskBudgetWarning>)[];
    }

    private async Task<AgentBudgetStatus?> SafeGetAsync(string agentId, CancellationToken cancellationToken)
    {
        try
        {
            return await agentBudget!.GetAsync(agentId, cancellationToken);
        }
        catch (Exception)
        {
            return null; // a warning is advisory: never fail a step because the budget report is unreachable
        }
    }

    private static TaskBudgetWarning TaskWarning(LoopRun run, double percent, int threshold) => new()
    {
        Scope = BudgetScope.Task,
        UtilisationPercent = percent,
        UsedTokens = run.Totals.TotalTokens,
        LimitTokens = run.Caps.MaxTokens,
        UsedCostMicros = run.Totals.CostMicros,
        LimitCostMicros = run.Caps.MaxCostMicros,
        Message = $"the task has used {percent:F0}% of its cap (warning at {threshold}%)",
    };

    private static TaskBudgetWarning AgentWarning(AgentBudgetStatus status, int threshold) => new()
    {
        Scope = BudgetScope.Agent,
        UtilisationPercent = status.UtilisationPercent,
        UsedTokens = status.UsedTokens,
        LimitTokens = status.LimitTokens,
        UsedCostMicros = status.UsedCostMicros,
        LimitCostMicros = status.LimitCostMicros,
        Message = $"the agent has used {status.UtilisationPercent:F0}% of its {status.Window} budget (warning at {threshold}%)",
    };
}
