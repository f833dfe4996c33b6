using Platform.Routing.Budgeting;
using Platform.Routing.Requests;
using Platform.Routing.Resilience;
using Platform.Routing.Selection;
using Platform.Routing.Vocabulary;

namespace Platform.Routing.Completions;

/// <summary>A validated request with its agent, tier policy, route and time limits: everything an attempt loop needs.</summary>
public sealed record CallPlan
{
    public required CompletionRequest Request { get; init; }
    public required string RequestId { get; init; }
    public required AgentProfile Agent { get; init; }
    public required Tier Tier { get; init; }
    public required TierPolicy Policy { get; init; }
    public required RouteDecision Decision { get; init; }
    public required DateTime StartedUtc { get; init; }
    public required long StartedTimestamp { get; init; }
    public required DateTime Deadline { get; init; }
    public bool BudgetTight { get; init; }

    /// <summary>Retries and backoff stop here: the tier's retry duration, cut to the caller's deadline.</summary>
    public DateTime RetryDeadline => StartedUtc + Policy.MaxRetryDuration < Deadline ? StartedUtc + Policy.MaxRetryDuration : Deadline;
}
