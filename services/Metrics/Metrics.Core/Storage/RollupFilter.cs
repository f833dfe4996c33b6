using Platform.Common.V1;

namespace Platform.Metrics.Storage;

/// <summary>Which roll-up rows a report reads; null or empty means no restriction.</summary>
public sealed record RollupFilter
{
    public static readonly RollupFilter None = new();

    public IReadOnlyCollection<string>? Models { get; init; }
    public string? Provider { get; init; }
    public IReadOnlyCollection<string>? AgentIds { get; init; }
    public string? Team { get; init; }
    public Tier? Tier { get; init; }

    /// <summary>The labels this filter restricts (the cube read must keep them).</summary>
    public IEnumerable<RollupDimension> Dimensions()
    {
        if (Models is { Count: > 0 }) yield return RollupDimension.Model;
        if (!string.IsNullOrEmpty(Provider)) yield return RollupDimension.Provider;
        if (AgentIds is { Count: > 0 }) yield return RollupDimension.AgentId;
        if (Team is not null) yield return RollupDimension.Team;
        if (Tier is not null) yield return RollupDimension.Tier;
    }
}
