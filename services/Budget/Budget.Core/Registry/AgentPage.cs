using Platform.Budget.Domain;

namespace Platform.Budget.Registry;

/// <summary>One page of agents and the token for the next (empty on the last page).</summary>
public sealed record AgentPage(IReadOnlyList<Agent> Agents, string NextPageToken);
