using Platform.Routing.Catalog;
using Platform.Routing.Health;
using Platform.Routing.Vocabulary;

namespace Platform.Routing.Selection;

/// <summary>One catalog model weighed for one request: its estimated cost, live state, and why it is out (if it is).</summary>
public sealed record CandidateEvaluation
{
    public required ModelDefinition Model { get; init; }
    public required long EstimatedCostMicros { get; init; }
    public required ModelHealthSnapshot Health { get; init; }
    public int ConcurrencyLimit { get; init; }
    public int LocalInFlight { get; init; }
    public IReadOnlyList<ExclusionReason> Exclusions { get; init; } = [];
    public double Score { get; init; }
    public string Explanation { get; init; } = "";
    public bool Selected { get; init; }

    /// <summary>-1 = not in the fallback chain.</summary>
    public int FallbackPosition { get; init; } = -1;

    public bool Eligible => Exclusions.Count == 0;
}
