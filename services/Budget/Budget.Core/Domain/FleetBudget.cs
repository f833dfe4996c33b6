namespace Platform.Budget.Domain;

/// <summary>The fleet-wide budget: totals, tier policies and defaults. A singleton per fleet.</summary>
public sealed record FleetBudget
{
    public static FleetBudget Default { get; } = new();

    /// <summary>Fleet totals; HourlyTokens also drives the tier-share default of agents without their own.</summary>
    public BudgetLimits Limits { get; init; }

    /// <summary>Exactly one per tier, shares summing to 100.</summary>
    public IReadOnlyList<TierPolicy> TierPolicies { get; init; } = TierPolicy.Defaults;

    public int DefaultWarningThresholdPercent { get; init; } = 80;

    public TimeSpan DefaultReservationTtl { get; init; } = TimeSpan.FromSeconds(60);

    public ReallocationSettings Reallocation { get; init; } = ReallocationSettings.Default;

    public DateTimeOffset UpdateTime { get; init; }

    /// <summary>Configuration version of the last change (0 for the built-in defaults).</summary>
    public long Version { get; init; }

    public TierPolicy PolicyFor(Tier tier)
    {
        foreach (var policy in TierPolicies)
        {
            if (policy.Tier == tier)
            {
                return policy;
            }
        }

        throw new InvalidOperationException($"The fleet budget has no policy for tier {tier}.");
    }
}
