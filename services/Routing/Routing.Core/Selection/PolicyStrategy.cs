using Platform.Routing.Vocabulary;

namespace Platform.Routing.Selection;

/// <summary>
/// Policy routing: the task type sets the quality class wanted (classification -> economy, content and
/// general -> balanced, reasoning -> strong, code -> balanced with the code capability); a hard prompt,
/// a premium user move it up, an easy prompt, a free user, a LOW agent or a MEDIUM agent short of budget
/// move it down. Candidates score by closeness to that class, matching capabilities, cost, and latency
/// (which dominates for latency-sensitive callers).
/// </summary>
public sealed class PolicyStrategy : IRoutingStrategy
{
    public Strategy Kind => Strategy.Policy;

    public IReadOnlyList<CandidateEvaluation> Score(IReadOnlyList<CandidateEvaluation> eligible, RoutingContext context)
    {
        if (eligible.Count == 0)
            return eligible;
        var desired = DesiredQuality(context);
        var sensitivity = context.Request.Hints.LatencySensitivity;
        var maxCost = Math.Max(1, eligible.Max(c => c.EstimatedCostMicros));
        var maxLatency = Math.Max(1, eligible.Max(c => c.Health.P50LatencyMs));
        var (costWeight, latencyWeight) = sensitivity switch
        {
            LatencySensitivity.High => (5.0, 60.0),
            LatencySensitivity.Low => (25.0, 0.0),
            _ => (10.0, 5.0),
        };

        return eligible.Select(c =>
        {
            var quality = (int)c.Model.EffectiveQuality;
            var score = 100 - 30 * Math.Abs(quality - (int)desired);
            var notes = new List<string> { $"wants {desired}, is {c.Model.EffectiveQuality}" };
            if (context.Prompt.TaskType == TaskType.Code && c.Model.Has(Capability.Code))
            {
                score += 50;
                notes.Add("code model");
            }
            if ((context.Prompt.TaskType == TaskType.Reasoning || context.Prompt.Complexity == Complexity.High) && c.Model.Has(Capability.Reasoning))
            {
                score += 15;
                notes.Add("reasoning model");
            }
            var costPenalty = costWeight * c.EstimatedCostMicros / maxCost;
            var latencyPenalty = latencyWeight * c.Health.P50LatencyMs / maxLatency;
            notes.Add($"cost {c.EstimatedCostMicros} micro-USD");
            if (c.Health.P50LatencyMs > 0)
                notes.Add($"p50 {c.Health.P50LatencyMs:F0} ms");
            return c with { Score = score - costPenalty - latencyPenalty, Explanation = string.Join("; ", notes) };
        }).ToList();
    }

    public static QualityClass DesiredQuality(RoutingContext context)
    {
        if (context.Tier == Tier.Low || context.BudgetTight)
            return QualityClass.Economy;
        var level = context.Prompt.TaskType switch
        {
            TaskType.Classification => 1,
            TaskType.Reasoning => 3,
            _ => 2,
        };
        // Easy general chat steps down; content, code and reasoning keep at least their own class.
        level += context.Prompt.Complexity switch
        {
            Complexity.High => 1,
            Complexity.Low when context.Prompt.TaskType is TaskType.General or TaskType.Unspecified => -1,
            _ => 0,
        };
        level += context.Request.Hints.UserTier switch { UserTier.Premium => 1, UserTier.Free => -1, _ => 0 };
        return (QualityClass)Math.Clamp(level, 1, 3);
    }
}
