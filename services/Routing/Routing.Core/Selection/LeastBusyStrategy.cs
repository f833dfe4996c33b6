using Platform.Routing.Vocabulary;

namespace Platform.Routing.Selection;

/// <summary>Prefers the model with the fewest in-flight requests relative to its current concurrency limit.</summary>
public sealed class LeastBusyStrategy : IRoutingStrategy
{
    public Strategy Kind => Strategy.LeastBusy;

    public IReadOnlyList<CandidateEvaluation> Score(IReadOnlyList<CandidateEvaluation> eligible, RoutingContext context) =>
        eligible.Select(c =>
        {
            var limit = Math.Max(1, c.ConcurrencyLimit);
            var busy = Math.Max(c.LocalInFlight, 0) / (double)limit;
            return c with { Score = 1 - busy, Explanation = $"{c.LocalInFlight} in flight of a limit of {limit} on this replica ({c.Health.InFlight} on all)" };
        }).ToList();
}
