using System.Diagnostics;
using Platform.Routing.Budgeting;
using Platform.Routing.Requests;
using Platform.Routing.Resilience;
using Platform.Routing.Selection;
using Platform.Routing.Vocabulary;

namespace Platform.Routing.Completions;

/// <summary>Turns a request into a plan: validates it, finds the agent and its tier policy, and routes it.</summary>
public sealed class CallPlanner(IAgentDirectory agents, ITierPolicySource policies, BudgetPressure pressure, Router router, TimeProvider time)
{
    public async Task<CallPlan> PlanAsync(CompletionRequest request, DateTime deadline, bool messagesRequired, CancellationToken cancellationToken)
    {
        RequestValidator.Validate(request, messagesRequired);
        var agent = await agents.GetAsync(request.AgentId, cancellationToken);
        var tier = EffectiveTier(agent, request.TierOverride);
        var policy = policies.For(tier);
        var tight = policy.EffectiveCostPolicy(tier) == ModelCostPolicy.CheaperOnFallback && pressure.IsTight(agent.AgentId);
        var decision = router.Route(request, tier, policy, tight);
        return new CallPlan
        {
            Request = request,
            RequestId = NewRequestId(),
            Agent = agent,
            Tier = tier,
            Policy = policy,
            Decision = decision,
            StartedUtc = time.GetUtcNow().UtcDateTime,
            StartedTimestamp = Stopwatch.GetTimestamp(),
            Deadline = deadline,
            BudgetTight = tight,
        };
    }

    /// <summary>Priority may be lowered per call, never raised (CRITICAL = 1 is the highest).</summary>
    public static Tier EffectiveTier(AgentProfile agent, Tier tierOverride)
    {
        if (tierOverride == Tier.Unspecified)
            return agent.Tier;
        if ((int)tierOverride < (int)agent.Tier)
            throw RoutingException.InvalidArgument($"tier_override {tierOverride} is above the agent's tier {agent.Tier}");
        return tierOverride;
    }

    public static string NewRequestId() => "req_" + Guid.CreateVersion7().ToString("N");
}
