namespace Platform.Budget.Reports;

/// <summary>A page of agent rows plus tier and fleet totals (over all agents, whatever the filters).</summary>
public sealed record UsageReport(
    IReadOnlyList<AgentUsage> Agents,
    IReadOnlyList<GroupUsage> Tiers,
    GroupUsage Fleet,
    DateTimeOffset AsOf,
    string NextPageToken);
