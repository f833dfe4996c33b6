using Platform.Budget.Domain;

namespace Platform.Budget.Events;

/// <summary>Which events a watcher wants; empty sets mean "all".</summary>
public sealed record EventFilter(IReadOnlySet<string> AgentIds, IReadOnlySet<BudgetEventType> Types, IReadOnlySet<Tier> Tiers)
{
    public bool Matches(BudgetEvent budgetEvent) =>
        (AgentIds.Count == 0 || AgentIds.Contains(budgetEvent.AgentId)) &&
        (Types.Count == 0 || Types.Contains(budgetEvent.Type)) &&
        (Tiers.Count == 0 || Tiers.Contains(budgetEvent.Tier));

    public void Validate()
    {
        foreach (var agent in AgentIds)
        {
            Require.AgentId(agent, "agent_ids");
        }

        foreach (var type in Types)
        {
            if (type is <= BudgetEventType.Unspecified or > BudgetEventType.FleetBudgetChanged)
            {
                throw BudgetErrors.Invalid($"types must be BudgetEventType values 1-9; got {(int)type}.");
            }
        }

        foreach (var tier in Tiers)
        {
            Require.Tier(tier, "tiers", allowUnspecified: false);
        }
    }
}
