using Platform.Routing.Completions;
using Platform.Routing.V1;

namespace Platform.Routing.Grpc;

internal static class RouteMapper
{
    public static RouteResponse ToProto(CallPlan plan)
    {
        var decision = plan.Decision;
        var selected = decision.Selected;
        var response = new RouteResponse
        {
            SelectedModel = selected?.Name ?? "",
            Provider = selected?.Provider ?? "",
            Strategy = (Strategy)(int)decision.Strategy,
            TaskType = (TaskType)(int)decision.Prompt.TaskType,
            Complexity = (Complexity)(int)decision.Prompt.Complexity,
            EstimatedInputTokens = decision.Prompt.EstimatedInputTokens,
            EstimatedCostMicros = selected is null ? 0 : decision.EstimatedCostMicros(selected),
            Tier = (Common.V1.Tier)(int)plan.Tier,
        };
        response.FallbackChain.AddRange(decision.Chain.Select(m => m.Name));
        foreach (var candidate in decision.Candidates)
        {
            var proto = new Candidate
            {
                Model = candidate.Model.Name,
                Provider = candidate.Model.Provider,
                Selected = candidate.Selected,
                Eligible = candidate.Eligible,
                Score = candidate.Eligible ? candidate.Score : 0,
                EstimatedCostMicros = candidate.EstimatedCostMicros,
                Explanation = candidate.Explanation,
                FallbackPosition = candidate.FallbackPosition,
            };
            proto.ExclusionReasons.AddRange(candidate.Exclusions.Select(r => (ExclusionReason)(int)r));
            response.Candidates.Add(proto);
        }
        return response;
    }
}
