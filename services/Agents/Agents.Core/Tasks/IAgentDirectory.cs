namespace Platform.Agents.Tasks;

/// <summary>
/// The budget service's agents, as task submission needs them: does the agent exist, is it active, and
/// its tier (queue priority). Throws <see cref="Domain.AgentsException"/> NOT_FOUND, FAILED_PRECONDITION
/// (retired) or UNAVAILABLE.
/// </summary>
public interface IAgentDirectory
{
    Task<AgentInfo> GetAsync(string agentId, CancellationToken cancellationToken);
}

/// <summary>An active agent and its tier (a <c>platform.common.v1.Tier</c> value).</summary>
public sealed record AgentInfo(string AgentId, int Tier);
