using Platform.Routing.Catalog;
using Platform.Routing.Concurrency;
using Platform.Routing.Health;
using Platform.Routing.Requests;
using Platform.Routing.Resilience;
using Platform.Routing.Vocabulary;

namespace Platform.Routing.Selection;

/// <summary>Decides, model by model, whether a request may go there now, and if not, every reason why.</summary>
public sealed class CandidateFilter(ModelHealthBoard health, AdaptiveLimiterRegistry limiters)
{
    public List<CandidateEvaluation> Evaluate(IReadOnlyList<ModelDefinition> models, CompletionRequest request, PromptProfile prompt, ModelCostPolicy costPolicy, DateTime now)
    {
        var hints = request.Hints;
        var evaluations = new List<CandidateEvaluation>(models.Count);
        foreach (var model in models)
        {
            var maxTokens = Math.Min(request.RequestedMaxTokens, model.OutputCap);
            var cost = model.CostMicros(prompt.EstimatedInputTokens, maxTokens);
            var snapshot = health.Get(model.Name);
            var limiter = limiters.For(model);
            var reasons = new List<ExclusionReason>();

            if (!model.Enabled)
                reasons.Add(ExclusionReason.Disabled);
            if ((hints.AllowedModels.Count > 0 && !hints.AllowedModels.Contains(model.Name)) || hints.ExcludedModels.Contains(model.Name))
                reasons.Add(ExclusionReason.FilteredByRequest);
            if (!HasCapabilities(model, request))
                reasons.Add(ExclusionReason.MissingCapability);
            if (prompt.EstimatedInputTokens + maxTokens > model.ContextWindowTokens)
                reasons.Add(ExclusionReason.ContextTooSmall);
            if (hints.MaxCostMicros is { } maxCost && cost > maxCost)
                reasons.Add(ExclusionReason.OverMaxCost);
            if (snapshot.IsOpenAt(now))
                reasons.Add(ExclusionReason.BreakerOpen);
            if ((model.RpmLimit > 0 && snapshot.RpmUsed >= model.RpmLimit) ||
                (model.TpmLimit > 0 && snapshot.TpmUsed + prompt.EstimatedInputTokens + maxTokens > model.TpmLimit))
                reasons.Add(ExclusionReason.RateLimited);
            if (limiter.InFlight >= limiter.Limit || (model.MaxConcurrency > 0 && snapshot.InFlight >= model.MaxConcurrency))
                reasons.Add(ExclusionReason.ConcurrencyFull);

            evaluations.Add(new CandidateEvaluation
            {
                Model = model,
                EstimatedCostMicros = cost,
                Health = snapshot,
                ConcurrencyLimit = limiter.Limit,
                LocalInFlight = limiter.InFlight,
                Exclusions = reasons,
                Explanation = reasons.Count == 0 ? "" : Explain(reasons, model, snapshot),
            });
        }

        // A caller who names a model chose it; the tier's cost policy applies to the gateway's own choices.
        if (costPolicy == ModelCostPolicy.Cheapest && request.Model.Length == 0)
            ApplyCheapestPolicy(evaluations);
        return evaluations;
    }

    /// <summary>Cheapest-only tiers (LOW by default) run on economy-class models, or the cheapest one if there is no economy model.</summary>
    private static void ApplyCheapestPolicy(List<CandidateEvaluation> evaluations)
    {
        var usable = evaluations.Where(e => !e.Exclusions.Any(IsPermanentForRequest)).ToList();
        if (usable.Count == 0)
            return;
        var economy = usable.Where(e => e.Model.EffectiveQuality == QualityClass.Economy).ToHashSet();
        if (economy.Count == 0)
        {
            var cheapest = usable.Min(e => e.EstimatedCostMicros);
            economy = usable.Where(e => e.EstimatedCostMicros == cheapest).ToHashSet();
        }
        for (var i = 0; i < evaluations.Count; i++)
        {
            if (!economy.Contains(evaluations[i]))
            {
                evaluations[i] = evaluations[i] with
                {
                    Exclusions = [.. evaluations[i].Exclusions, ExclusionReason.TierPolicy],
                    Explanation = Join(evaluations[i].Explanation, "the tier's cost policy allows only the cheapest models"),
                };
            }
        }
    }

    /// <summary>Exclusions that no amount of waiting removes for this request.</summary>
    public static bool IsPermanentForRequest(ExclusionReason reason) =>
        reason is ExclusionReason.Disabled or ExclusionReason.FilteredByRequest or ExclusionReason.MissingCapability
            or ExclusionReason.ContextTooSmall or ExclusionReason.OverMaxCost;

    private static bool HasCapabilities(ModelDefinition model, CompletionRequest request)
    {
        if (request.Stream && !model.Has(Capability.Streaming))
            return false;
        foreach (var capability in request.Hints.RequiredCapabilities)
        {
            if (!model.Has(capability))
                return false;
        }
        foreach (var tag in request.Hints.RequiredTags)
        {
            if (!model.HasTag(tag))
                return false;
        }
        return true;
    }

    private static string Explain(List<ExclusionReason> reasons, ModelDefinition model, ModelHealthSnapshot health) =>
        string.Join("; ", reasons.Select(reason => reason switch
        {
            ExclusionReason.Disabled => "disabled in the catalog",
            ExclusionReason.FilteredByRequest => "filtered out by allowed_models/excluded_models",
            ExclusionReason.MissingCapability => "lacks a required capability or tag",
            ExclusionReason.ContextTooSmall => $"context window {model.ContextWindowTokens} too small for prompt + max_tokens",
            ExclusionReason.OverMaxCost => "estimated cost above max_cost_micros",
            ExclusionReason.BreakerOpen => $"circuit breaker open until {health.OpenUntil:O}",
            ExclusionReason.RateLimited => $"at its RPM/TPM limit ({health.RpmUsed}/{model.RpmLimit} requests, {health.TpmUsed}/{model.TpmLimit} tokens)",
            ExclusionReason.ConcurrencyFull => "at its concurrency limit",
            _ => reason.ToString(),
        }));

    private static string Join(string a, string b) => a.Length == 0 ? b : a + "; " + b;
}
