using Platform.Routing.Vocabulary;

namespace Platform.Routing.Selection;

/// <summary>Draws a model at random in proportion to its catalog weight; the drawn one scores highest.</summary>
public sealed class WeightedStrategy : IRoutingStrategy
{
    public Strategy Kind => Strategy.Weighted;

    public IReadOnlyList<CandidateEvaluation> Score(IReadOnlyList<CandidateEvaluation> eligible, RoutingContext context)
    {
        if (eligible.Count == 0)
            return eligible;
        var total = eligible.Sum(c => (double)c.Model.EffectiveWeight);
        var draw = Random.Shared.NextDouble() * total;
        var picked = eligible[^1];
        foreach (var candidate in eligible)
        {
            draw -= candidate.Model.EffectiveWeight;
            if (draw < 0)
            {
                picked = candidate;
                break;
            }
        }
        return eligible.Select(c =>
        {
            var share = c.Model.EffectiveWeight / total;
            var score = ReferenceEquals(c, picked) ? 1 + share : share;
            return c with { Score = score, Explanation = $"weight {c.Model.EffectiveWeight} ({share:P0} of draws){(ReferenceEquals(c, picked) ? ", drawn" : "")}" };
        }).ToList();
    }
}
