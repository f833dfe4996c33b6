using Platform.Routing.Vocabulary;

namespace Platform.Routing.Selection;

/// <summary>Scores eligible candidates (higher is better) and explains each score.</summary>
public interface IRoutingStrategy
{
    Strategy Kind { get; }

    IReadOnlyList<CandidateEvaluation> Score(IReadOnlyList<CandidateEvaluation> eligible, RoutingContext context);
}
