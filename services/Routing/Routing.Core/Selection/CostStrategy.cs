using Platform.Routing.Vocabulary;

namespace Platform.Routing.Selection;

/// <summary>Prefers the cheapest estimated cost for this request (max_cost_micros already excluded dearer ones).</summary>
public sealed class CostStrategy : IRoutingStrategy
{
    public Strategy Kind => Strategy.Cost;

    public IReadOnlyList<CandidateEvaluation> Score(IReadOnlyList<CandidateEvaluation> eligible, RoutingContext context) =>
        eligible.Select(c => c with
        {
            Score = 1_000_000.0 / (1 + c.EstimatedCostMicros),
            Explanation = $"estimated cost {c.EstimatedCostMicros} micro-USD",
        }).ToList();
}
