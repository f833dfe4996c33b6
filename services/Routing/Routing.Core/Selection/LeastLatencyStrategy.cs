using Platform.Routing.Vocabulary;

namespace Platform.Routing.Selection;

/// <summary>Prefers the lowest recent median latency; a model without samples is tried first, to learn it.</summary>
public sealed class LeastLatencyStrategy : IRoutingStrategy
{
    public Strategy Kind => Strategy.LeastLatency;

    public IReadOnlyList<CandidateEvaluation> Score(IReadOnlyList<CandidateEvaluation> eligible, RoutingContext context) =>
        eligible.Select(c => c.Health.RequestCount == 0 || c.Health.P50LatencyMs <= 0
            ? c with { Score = 1_000_000, Explanation = "no recent latency samples; trying it to learn its latency" }
            : c with { Score = 1_000_000 / (1 + c.Health.P50LatencyMs), Explanation = $"p50 latency {c.Health.P50LatencyMs:F0} ms" }).ToList();
}
