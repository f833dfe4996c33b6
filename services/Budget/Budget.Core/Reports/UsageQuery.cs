using Platform.Budget.Domain;

namespace Platform.Budget.Reports;

/// <summary>Which agent rows a usage report returns.</summary>
public sealed record UsageQuery(IReadOnlyList<string> AgentIds, Tier Tier, bool IncludeRetired, int PageSize, string? PageToken);
