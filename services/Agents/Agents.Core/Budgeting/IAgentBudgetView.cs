namespace Platform.Agents.Budgeting;

/// <summary>The agent's budget as the budget service reports it, for agent-scope warnings.</summary>
public interface IAgentBudgetView
{
    /// <summary>Current utilisation of the agent's tightest window, or null when unknown (the service is not reachable).</summary>
    ValueTask<AgentBudgetStatus?> GetAsync(string agentId, CancellationToken cancellationToken);
}
