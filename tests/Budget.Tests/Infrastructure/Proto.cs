using Google.Protobuf.WellKnownTypes;
using Platform.Budget.V1;
using Platform.Common.V1;

namespace Platform.Budget.Tests.Infrastructure;

/// <summary>Request builders for the gRPC tests.</summary>
public static class Proto
{
    public static Agent Agent(string id, Tier tier, long? hourlyTokens = null, long? dailyUsdMicros = null, string team = "") => new()
    {
        AgentId = id,
        Tier = tier,
        Team = team,
        Limits = new BudgetLimits { HourlyTokenLimit = hourlyTokens, DailyUsdLimitMicros = dailyUsdMicros },
    };

    public static ReserveRequest Reserve(string agent, long input, long maxOutput, string? key = null, TimeSpan? ttl = null,
        ModelPrice? price = null) => new()
    {
        AgentId = agent,
        IdempotencyKey = key ?? Guid.NewGuid().ToString("N"),
        EstimatedInputTokens = input,
        MaxOutputTokens = maxOutput,
        Ttl = ttl is { } t ? Duration.FromTimeSpan(t) : null,
        Price = price,
        Model = "test-model",
    };

    public static CommitRequest Commit(string reservationId, long input, long output) => new()
    {
        ReservationId = reservationId,
        Usage = new TokenUsage { InputTokens = input, OutputTokens = output },
    };

    /// <summary>PRODUCT.md's six agents.</summary>
    public static IEnumerable<Agent> ProductFleet() =>
    [
        Agent("order_processing", Tier.Critical, 50_000),
        Agent("payment_verification", Tier.Critical, 30_000),
        Agent("customer_support", Tier.High, 40_000),
        Agent("product_search", Tier.High, 25_000),
        Agent("analytics", Tier.Medium, 15_000),
        Agent("logger", Tier.Low, 5_000),
    ];
}
