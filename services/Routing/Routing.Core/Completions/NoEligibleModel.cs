using Platform.Routing.Requests;
using Platform.Routing.Selection;
using Platform.Routing.Vocabulary;

namespace Platform.Routing.Completions;

/// <summary>Explains an empty route in the contract's terms: a prompt too large for every window, every model down, every model at its limits, or nothing matching the request.</summary>
public static class NoEligibleModel
{
    public static RoutingException Describe(RouteDecision decision, CompletionRequest request, DateTime now)
    {
        // With a named model and no fallback, only that model could have served.
        var relevant = request.Model.Length > 0 && request.Hints.DisableFallback
            ? decision.Candidates.Where(c => c.Model.Name == request.Model)
            : decision.Candidates.Where(c => !c.Eligible);
        var enabled = relevant.Where(c => !c.Exclusions.Contains(ExclusionReason.Disabled) && !c.Exclusions.Contains(ExclusionReason.FilteredByRequest)).ToList();
        if (enabled.Count > 0 && enabled.All(c => c.Exclusions.Contains(ExclusionReason.ContextTooSmall)))
        {
            var largest = enabled.Max(c => c.Model.ContextWindowTokens);
            return RoutingException.InvalidArgument(
                $"the prompt ({decision.Prompt.EstimatedInputTokens} tokens estimated) plus max_tokens does not fit any model's context window (largest {largest} tokens)",
                ErrorReasons.PromptTooLarge);
        }

        var transient = enabled.Where(c => c.Exclusions.All(r => !CandidateFilter.IsPermanentForRequest(r) && r != ExclusionReason.TierPolicy)).ToList();
        if (transient.Count > 0)
        {
            if (transient.All(c => c.Exclusions.Contains(ExclusionReason.BreakerOpen)))
            {
                var reopen = transient.Min(c => c.Health.OpenUntil ?? now) - now;
                return RoutingException.Unavailable("every candidate model has its circuit breaker open", reopen > TimeSpan.Zero ? reopen : TimeSpan.FromSeconds(1));
            }
            return RoutingException.RateLimited("every candidate model is at its rate or concurrency limit", TimeSpan.FromSeconds(1));
        }

        return RoutingException.FailedPrecondition(ErrorReasons.NoEligibleModel, "no catalog model satisfies the request's hints and the agent's tier policy");
    }
}
