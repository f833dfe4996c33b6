using Platform.Routing.Budgeting;
using Platform.Routing.Catalog;
using Platform.Routing.Resilience;
using Platform.Routing.Selection;

namespace Platform.Routing.Completions;

/// <summary>Where a call goes when its chain's model cannot serve it for a reason another model can fix.</summary>
internal static class ChainAlternatives
{
    /// <summary>A CHEAPER_ON_FALLBACK agent (MEDIUM by default) refused for USD moves to the cheapest eligible model that costs less.</summary>
    public static ModelDefinition? CheaperModel(CallPlan plan, ModelDefinition model, BudgetDenial denial)
    {
        if (plan.Policy.EffectiveCostPolicy(plan.Tier) != ModelCostPolicy.CheaperOnFallback || !denial.MayFitCheaperModel)
            return null;
        var current = plan.Decision.EstimatedCostMicros(model);
        return plan.Decision.Candidates
            .Where(c => c.Eligible && c.EstimatedCostMicros < current)
            .OrderBy(c => c.EstimatedCostMicros)
            .Select(c => c.Model)
            .FirstOrDefault();
    }

    public static List<ModelDefinition> LargerWindows(CallPlan plan, ModelDefinition model) =>
        plan.Decision.Candidates
            .Where(c => c.Model.ContextWindowTokens > model.ContextWindowTokens && !c.Exclusions.Any(CandidateFilter.IsPermanentForRequest))
            .OrderBy(c => c.Model.ContextWindowTokens)
            .Select(c => c.Model)
            .ToList();
}
