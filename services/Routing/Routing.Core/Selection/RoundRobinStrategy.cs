using Platform.Routing.Vocabulary;

namespace Platform.Routing.Selection;

/// <summary>Rotates through the eligible models in catalog (name) order; the next in turn scores highest.</summary>
public sealed class RoundRobinStrategy : IRoutingStrategy
{
    private long _turn = -1;

    public Strategy Kind => Strategy.RoundRobin;

    public IReadOnlyList<CandidateEvaluation> Score(IReadOnlyList<CandidateEvaluation> eligible, RoutingContext context)
    {
        if (eligible.Count == 0)
            return eligible;
        var start = (int)((ulong)Interlocked.Increment(ref _turn) % (ulong)eligible.Count);
        var ordered = eligible.OrderBy(c => c.Model.Name, StringComparer.Ordinal).ToList();
        return ordered.Select((candidate, index) =>
        {
            var distance = (index - start + ordered.Count) % ordered.Count;
            return candidate with { Score = ordered.Count - distance, Explanation = distance == 0 ? "its turn in the rotation" : $"{distance} turn(s) away in the rotation" };
        }).ToList();
    }
}
