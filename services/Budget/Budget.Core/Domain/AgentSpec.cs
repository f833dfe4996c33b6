using System.Collections.Immutable;

namespace Platform.Budget.Domain;

/// <summary>What a caller decides about an agent (everything but the server-maintained fields).</summary>
public sealed record AgentSpec
{
    public required string AgentId { get; init; }

    public required Tier Tier { get; init; }

    public BudgetLimits Limits { get; init; }

    /// <summary>Null = the fleet's default threshold.</summary>
    public int? WarningThresholdPercent { get; init; }

    public OutputEstimate OutputEstimate { get; init; } = OutputEstimate.MaxTokens;

    public string Team { get; init; } = string.Empty;

    public string DisplayName { get; init; } = string.Empty;

    public IReadOnlyDictionary<string, string> Labels { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>Value equality including the labels (records compare dictionaries by reference).</summary>
    public bool SameAs(AgentSpec other) =>
        AgentId == other.AgentId && Tier == other.Tier && Limits == other.Limits &&
        WarningThresholdPercent == other.WarningThresholdPercent && Normalized(OutputEstimate) == Normalized(other.OutputEstimate) &&
        Team == other.Team && DisplayName == other.DisplayName && LabelsEqual(Labels, other.Labels);

    private static OutputEstimate Normalized(OutputEstimate estimate) =>
        estimate == OutputEstimate.Unspecified ? OutputEstimate.MaxTokens : estimate;

    private static bool LabelsEqual(IReadOnlyDictionary<string, string> left, IReadOnlyDictionary<string, string> right)
    {
        if (left.Count != right.Count)
        {
            return false;
        }

        foreach (var (key, value) in left)
        {
            if (!right.TryGetValue(key, out var other) || other != value)
            {
                return false;
            }
        }

        return true;
    }
}
