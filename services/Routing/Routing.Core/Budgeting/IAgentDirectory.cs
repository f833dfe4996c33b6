namespace Platform.Routing.Budgeting;

/// <summary>
/// Finds registered agents (the budget service's registry). Throws a RoutingException with
/// AGENT_NOT_FOUND or AGENT_RETIRED when the agent cannot make calls.
/// </summary>
public interface IAgentDirectory
{
    ValueTask<AgentProfile> GetAsync(string agentId, CancellationToken cancellationToken);
}
