using Grpc.Core;
using Platform.Agents.Loop;

namespace Platform.Agents.Clients;

/// <summary>What a failed routing.Complete means to the loop (see routing_service.proto's error model).</summary>
internal static class RoutingFailures
{
    public static StepFailure From(RpcException e)
    {
        var reason = Trailers.Reason(e);
        var message = e.Status.Detail;
        var retryAfter = Trailers.RetryAfter(e);
        var kind = e.StatusCode switch
        {
            StatusCode.Cancelled or StatusCode.DeadlineExceeded => StepFailureKind.Cancelled,
            StatusCode.ResourceExhausted when reason == "BUDGET_DENIED" => StepFailureKind.BudgetDenied,
            StatusCode.ResourceExhausted => StepFailureKind.RateLimited,
            StatusCode.Unavailable or StatusCode.Internal or StatusCode.Unknown or StatusCode.Aborted => StepFailureKind.Transient,
            StatusCode.FailedPrecondition when reason == "NO_ELIGIBLE_MODEL" => StepFailureKind.NoEligibleModel,
            // The agent was confirmed at submission and agents are never deleted: a not-found now is the budget
            // service's registry catching up (seen right after registration). A few retries, then FAILED.
            StatusCode.NotFound when reason == "AGENT_NOT_FOUND" => StepFailureKind.Transient,
            _ => StepFailureKind.Permanent,
        };
        var denial = e.Trailers.GetValue("platform-denial-reason");
        if (denial is not null)
            message = $"{message} ({denial})";
        return new StepFailure(kind, reason.Length > 0 ? reason : e.StatusCode.ToString().ToUpperInvariant(), message, retryAfter, e);
    }
}
