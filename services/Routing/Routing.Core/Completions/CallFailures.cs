using Platform.Routing.Budgeting;

namespace Platform.Routing.Completions;

/// <summary>The errors a call ends with when its attempts could not produce a completion.</summary>
internal static class CallFailures
{
    public static RoutingException BudgetDenied(BudgetDenial denial) =>
        new(RoutingErrorKind.ResourceExhausted, ErrorReasons.BudgetDenied, "budget denied: " + denial.Message)
        {
            RetryAfter = denial.RetryAfter,
            DenialReason = denial.Reason,
        };

    public static RoutingException Exhausted(CallTrace trace, bool onlyRateLimits, TimeSpan? hint)
    {
        var last = trace.Attempts.Count > 0 ? trace.Attempts[^1] : null;
        var budgetNote = trace.RetryBudgetExhausted ? " (the global retry budget is used up)" : "";
        if (onlyRateLimits && trace.Attempts.Count > 0)
            return RoutingException.RateLimited($"every candidate model is at its rate or concurrency limit{budgetNote}", hint ?? TimeSpan.FromSeconds(1));
        var detail = last is null ? "" : $"; last attempt on '{last.Model}': {last.Status} {last.ErrorMessage}";
        return RoutingException.Unavailable($"every model of the fallback chain failed or has its breaker open{budgetNote}{detail}", hint ?? TimeSpan.FromSeconds(1));
    }
}
