using System.Collections.Immutable;
using Platform.Budget.Domain;

namespace Platform.Budget.Tests.Infrastructure;

/// <summary>Agents and fleets for tests, including PRODUCT.md's six example agents.</summary>
public static class TestAgents
{
    public static Agent Agent(string id, Tier tier, long? hourlyTokens = null, long? dailyUsdMicros = null,
        int? warningPercent = null, OutputEstimate estimate = OutputEstimate.MaxTokens, AgentState state = AgentState.Active,
        long? dailyTokens = null, long? hourlyUsdMicros = null) =>
        new(new AgentSpec
            {
                AgentId = id,
                Tier = tier,
                Limits = new BudgetLimits(hourlyTokens, dailyTokens, hourlyUsdMicros, dailyUsdMicros),
                WarningThresholdPercent = warningPercent,
                OutputEstimate = estimate,
            },
            state, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, null, 1);

    /// <summary>PRODUCT.md's default fleet: tokens per hour.</summary>
    public static IReadOnlyList<Agent> ProductFleet() =>
    [
        Agent("order_processing", Tier.Critical, 50_000),
        Agent("payment_verification", Tier.Critical, 30_000),
        Agent("customer_support", Tier.High, 40_000),
        Agent("product_search", Tier.High, 25_000),
        Agent("analytics", Tier.Medium, 15_000),
        Agent("logger", Tier.Low, 5_000),
    ];

    public static ImmutableSortedDictionary<string, Agent> Index(IEnumerable<Agent> agents) =>
        agents.ToImmutableSortedDictionary(a => a.Id, a => a, StringComparer.Ordinal);
}
