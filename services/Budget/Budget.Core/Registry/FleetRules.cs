using Platform.Budget.Domain;

namespace Platform.Budget.Registry;

/// <summary>What a valid fleet budget looks like, including the tier rules PRODUCT.md fixes.</summary>
public static class FleetRules
{
    public static void Validate(FleetBudget fleet)
    {
        Require.Limits(fleet.Limits, "fleet_budget.limits");
        ValidatePolicies(fleet.TierPolicies);
        Require.Percent(fleet.DefaultWarningThresholdPercent, 1, "fleet_budget.default_warning_threshold_percent");
        Require.Ttl(fleet.DefaultReservationTtl, "fleet_budget.default_reservation_ttl");
        var reallocation = fleet.Reallocation;
        Between(reallocation.Interval, TimeSpan.FromMinutes(1), TimeSpan.FromHours(24), "fleet_budget.reallocation.interval");
        Between(reallocation.Lookback, TimeSpan.FromMinutes(5), TimeSpan.FromHours(24), "fleet_budget.reallocation.lookback");
        Require.Percent(reallocation.IdleUtilisationPercent, 0, "fleet_budget.reallocation.idle_utilisation_percent");
        Require.Percent(reallocation.MaxDonationPercent, 0, "fleet_budget.reallocation.max_donation_percent");
    }

    public static void Between(TimeSpan value, TimeSpan min, TimeSpan max, string field)
    {
        if (value < min || value > max)
        {
            throw BudgetErrors.Invalid($"{field} must be between {min} and {max}; got {value}.");
        }
    }

    private static void ValidatePolicies(IReadOnlyList<TierPolicy> policies)
    {
        const string field = "fleet_budget.tier_policies";
        if (policies.Count != 4 || policies.Select(p => p.Tier).Distinct().Count() != 4 ||
            policies.Any(p => p.Tier is < Tier.Critical or > Tier.Low))
        {
            throw BudgetErrors.Invalid($"{field} must hold exactly one policy for each of TIER_CRITICAL, TIER_HIGH, TIER_MEDIUM and TIER_LOW.");
        }

        foreach (var policy in policies)
        {
            var name = $"{field}[{policy.Tier.ToString().ToUpperInvariant()}]";
            Require.Percent(policy.SharePercent, 0, $"{name}.share_percent");
            Require.Range(policy.MaxRetries, 0, 10, $"{name}.max_retries");
            Between(policy.MaxRetryDuration, TimeSpan.Zero, TimeSpan.FromMinutes(10), $"{name}.max_retry_duration");
            if (policy.ModelCostPolicy is < ModelCostPolicy.Unspecified or > ModelCostPolicy.Cheapest)
            {
                throw BudgetErrors.Invalid($"{name}.model_cost_policy must be a ModelCostPolicy (0-3).");
            }

            foreach (var lender in policy.BorrowFrom)
            {
                Require.Tier(lender, $"{name}.borrow_from", allowUnspecified: false);
                if (lender == Tier.Critical)
                {
                    throw BudgetErrors.Invalid($"{name}.borrow_from may not include TIER_CRITICAL: CRITICAL's budget is never lent.");
                }

                if (lender <= policy.Tier)
                {
                    throw BudgetErrors.Invalid(
                        $"{name}.borrow_from may only name lower-priority tiers; {lender.ToString().ToUpperInvariant()} is not below {policy.Tier.ToString().ToUpperInvariant()}.");
                }
            }

            if (policy.SpareBudgetOnly && policy.BorrowFrom.Count > 0)
            {
                throw BudgetErrors.Invalid($"{name}: a spare-budget-only tier never borrows; clear borrow_from or spare_budget_only.");
            }
        }

        var total = policies.Sum(p => p.SharePercent);
        if (total != 100)
        {
            throw BudgetErrors.Invalid($"{field} shares must sum to 100; they sum to {total}.");
        }
    }
}
