using Platform.Budget.Domain;

namespace Platform.Budget.Reports;

/// <summary>Sums over a tier (or the fleet: Tier.Unspecified).</summary>
public sealed record GroupUsage(
    Tier Tier,
    int AgentCount,
    int SharePercent,
    WindowUsage HourlyTokens,
    WindowUsage DailyTokens,
    WindowUsage HourlyUsd,
    WindowUsage DailyUsd);
