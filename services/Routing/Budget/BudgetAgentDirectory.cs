using System.Collections.Concurrent;
using Grpc.Core;
using Platform.Budget.V1;
using Platform.Routing.Budgeting;
using Platform.Routing.Completions;
using Platform.Routing.Hosting;

namespace Platform.Routing.Budget;

/// <summary>Agents from the budget service's registry, cached for a few seconds (tiers change rarely; retirement is also enforced by Reserve).</summary>
public sealed class BudgetAgentDirectory(BudgetService.BudgetServiceClient client, RoutingOptions options, TimeProvider time) : IAgentDirectory
{
    private readonly ConcurrentDictionary<string, (AgentProfile Profile, DateTimeOffset Expires)> _cache = new(StringComparer.Ordinal);

    public async ValueTask<AgentProfile> GetAsync(string agentId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(agentId, out var cached) && cached.Expires > now)
            return cached.Profile;

        Agent agent;
        try
        {
            agent = (await client.GetAgentAsync(new GetAgentRequest { AgentId = agentId },
                deadline: DateTime.UtcNow + TimeSpan.FromSeconds(5), cancellationToken: cancellationToken)).Agent;
        }
        catch (RpcException e)
        {
            throw BudgetRpcErrors.ForAgent(e, agentId);
        }
        if (agent.State == AgentState.Retired)
        {
            _cache.TryRemove(agentId, out _);
            throw RoutingException.FailedPrecondition(ErrorReasons.AgentRetired, $"agent '{agentId}' is retired");
        }
        var profile = new AgentProfile(agent.AgentId, (Vocabulary.Tier)(int)agent.Tier, agent.Team);
        _cache[agentId] = (profile, now + options.AgentCacheTtl);
        return profile;
    }
}
