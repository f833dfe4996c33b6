using System.Collections.Concurrent;
using Grpc.Core;
using Platform.Agents.Domain;
using Platform.Agents.Tasks;
using Platform.Budget.V1;

namespace Platform.Agents.Clients;

/// <summary>
/// Agents as the budget service registers them. Active agents are remembered for a few seconds, so a
/// burst of submissions for the same agents costs a handful of lookups; unknown and retired agents are
/// asked again every time (they may be registered or reactivated at any moment).
/// </summary>
internal sealed class BudgetAgentDirectory(BudgetService.BudgetServiceClient budget, TimeProvider time) : IAgentDirectory
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<string, (AgentInfo Agent, DateTime Until)> _active = new(StringComparer.Ordinal);

    public async Task<AgentInfo> GetAsync(string agentId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (_active.TryGetValue(agentId, out var cached) && cached.Until > now)
            return cached.Agent;

        Agent agent;
        try
        {
            agent = (await budget.GetAgentAsync(new GetAgentRequest { AgentId = agentId }, deadline: now.AddSeconds(5), cancellationToken: cancellationToken)).Agent;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            throw AgentsException.NotFound(ErrorReasons.AgentNotFound, $"Agent '{agentId}' is not registered with the budget service.");
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.ResourceExhausted or StatusCode.Internal)
        {
            throw AgentsException.Unavailable(ErrorReasons.BudgetUnavailable, $"The budget service could not confirm agent '{agentId}': {e.Status.Detail}", TimeSpan.FromSeconds(1));
        }
        if (agent.State == AgentState.Retired)
            throw AgentsException.Precondition(ErrorReasons.AgentRetired, $"Agent '{agentId}' is retired.");

        var info = new AgentInfo(agent.AgentId, (int)agent.Tier);
        _active[agentId] = (info, now + CacheFor);
        return info;
    }
}
