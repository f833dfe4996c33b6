namespace Platform.Budget.Domain;

/// <summary>What a tier gets (share of the fleet budget) and how it behaves (borrowing, retries).</summary>
public sealed record TierPolicy(
    Tier Tier,
    int SharePercent,
    int MaxRetries,
    TimeSpan MaxRetryDuration,
    IReadOnlyList<Tier> BorrowFrom,
    bool SpareBudgetOnly,
    ModelCostPolicy ModelCostPolicy)
{
    /// <summary>PRODUCT.md: CRITICAL 40% never lent; HIGH 30% borrows from MEDIUM/LOW; MEDIUM 20% lends; LOW 10% spare only.</summary>
    public static IReadOnlyList<TierPolicy> Defaults { get; } =
    [
        new(Tier.Critical, 40, 5, TimeSpan.FromSeconds(5), [Tier.Medium, Tier.Low], false, ModelCostPolicy.Best),
        new(Tier.High, 30, 3, TimeSpan.FromSeconds(10), [Tier.Medium, Tier.Low], false, ModelCostPolicy.Best),
        new(Tier.Medium, 20, 1, TimeSpan.FromSeconds(2), [], false, ModelCostPolicy.CheaperOnFallback),
        new(Tier.Low, 10, 0, TimeSpan.Zero, [], true, ModelCostPolicy.Cheapest),
    ];
}
