using Platform.Routing.Catalog;
using Platform.Routing.Vocabulary;

namespace Platform.Routing.Selection;

/// <summary>What the router decided for a request, and why.</summary>
public sealed record RouteDecision
{
    /// <summary>Models to try in order; empty when none is eligible.</summary>
    public required IReadOnlyList<ModelDefinition> Chain { get; init; }

    /// <summary>Every catalog model, best score first, excluded ones last.</summary>
    public required IReadOnlyList<CandidateEvaluation> Candidates { get; init; }

    public required Strategy Strategy { get; init; }
    public required PromptProfile Prompt { get; init; }
    public required Tier Tier { get; init; }
    public required int MaxTokens { get; init; }

    /// <summary>Fallback depth of Chain[0]: 1 when a named primary had to be skipped.</summary>
    public int FirstDepth { get; init; }

    public ModelDefinition? Selected => Chain.Count > 0 ? Chain[0] : null;

    public long EstimatedCostMicros(ModelDefinition model) =>
        model.CostMicros(Prompt.EstimatedInputTokens, Math.Min(MaxTokens, model.OutputCap));
}
