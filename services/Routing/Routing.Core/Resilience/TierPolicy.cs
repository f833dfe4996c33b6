namespace Platform.Routing.Resilience;

/// <summary>How hard the gateway tries for one tier (retries after the first attempt, time for all retries and backoff) and which models it may use.</summary>
public sealed record TierPolicy(int MaxRetries, TimeSpan MaxRetryDuration, ModelCostPolicy CostPolicy)
{
    /// <summary>The platform defaults (PRODUCT.md, budget_config.proto TierPolicy), used until the budget service's fleet policy is read.</summary>
    public static TierPolicy DefaultFor(Vocabulary.Tier tier) => tier switch
    {
        Vocabulary.Tier.Critical => new TierPolicy(5, TimeSpan.FromSeconds(5), ModelCostPolicy.Best),
        Vocabulary.Tier.High => new TierPolicy(3, TimeSpan.FromSeconds(10), ModelCostPolicy.Best),
        Vocabulary.Tier.Medium => new TierPolicy(1, TimeSpan.FromSeconds(2), ModelCostPolicy.CheaperOnFallback),
        _ => new TierPolicy(0, TimeSpan.Zero, ModelCostPolicy.Cheapest),
    };

    /// <summary>An unspecified cost policy means the tier's default.</summary>
    public ModelCostPolicy EffectiveCostPolicy(Vocabulary.Tier tier) =>
        CostPolicy == ModelCostPolicy.Unspecified ? DefaultFor(tier).CostPolicy : CostPolicy;
}
