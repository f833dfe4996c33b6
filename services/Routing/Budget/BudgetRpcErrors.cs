using Grpc.Core;
using Platform.Routing.Completions;

namespace Platform.Routing.Budget;

/// <summary>Turns the budget service's failures into what routing's callers should see.</summary>
internal static class BudgetRpcErrors
{
    public static RoutingException ForAgent(RpcException e, string agentId) => e.StatusCode switch
    {
        StatusCode.NotFound => RoutingException.NotFound(ErrorReasons.AgentNotFound, $"agent '{agentId}' is not registered with the budget service"),
        StatusCode.FailedPrecondition => RoutingException.FailedPrecondition(ErrorReasons.AgentRetired, $"agent '{agentId}' is retired"),
        StatusCode.InvalidArgument => RoutingException.InvalidArgument(e.Status.Detail),
        StatusCode.Cancelled => RoutingException.Cancelled(),
        StatusCode.DeadlineExceeded => RoutingException.Deadline("the deadline passed while waiting for the budget service"),
        StatusCode.ResourceExhausted => new RoutingException(RoutingErrorKind.ResourceExhausted, ErrorReasons.BudgetUnavailable,
            "the budget service is shedding load") { RetryAfter = RetryAfter(e) ?? TimeSpan.FromSeconds(1) },
        _ => RoutingException.Unavailable($"the budget service is unavailable ({e.StatusCode})", TimeSpan.FromSeconds(1), ErrorReasons.BudgetUnavailable),
    };

    public static TimeSpan? RetryAfter(RpcException e)
    {
        var value = e.Trailers.GetValue("retry-after-ms");
        return long.TryParse(value, out var ms) && ms >= 0 ? TimeSpan.FromMilliseconds(ms) : null;
    }
}
