using Platform.Budget.Domain;

namespace Platform.Budget.Registry;

/// <summary>
/// The limits enforced for each agent: its explicit limits, and for an active agent without an
/// hourly token limit, its tier's share of the fleet's hourly tokens divided by the tier's active agents.
/// </summary>
public static class EffectiveLimits
{
    public static Dictionary<string, BudgetLimits> ForAll(FleetBudget fleet, IEnumerable<Agent> agents)
    {
        var all = agents.ToList();
        var activePerTier = all.Where(a => a.IsActive).GroupBy(a => a.Spec.Tier).ToDictionary(g => g.Key, g => g.Count());
        var result = new Dictionary<string, BudgetLimits>(StringComparer.Ordinal);
        foreach (var agent in all)
        {
            var limits = agent.Spec.Limits;
            if (limits.HourlyTokens is null && agent.IsActive && fleet.Limits.HourlyTokens is { } fleetHourly)
            {
                var share = fleet.PolicyFor(agent.Spec.Tier).SharePercent;
                limits = limits with { HourlyTokens = TierDefault(fleetHourly, share, activePerTier[agent.Spec.Tier]) };
            }

            result[agent.Id] = limits;
        }

        return result;
    }

    public static long TierDefault(long fleetHourlyTokens, int sharePercent, int agentsInTier) =>
        (long)((Int128)fleetHourlyTokens * sharePercent / 100 / Math.Max(1, agentsInTier));
}
