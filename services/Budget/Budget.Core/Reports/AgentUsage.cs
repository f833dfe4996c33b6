using Platform.Budget.Domain;

namespace Platform.Budget.Reports;

/// <summary>One agent's current windows.</summary>
public sealed record AgentUsage(
    string AgentId,
    Tier Tier,
    string Team,
    AgentState State,
    WindowUsage HourlyTokens,
    WindowUsage DailyTokens,
    WindowUsage HourlyUsd,
    WindowUsage DailyUsd,
    bool Warning);
