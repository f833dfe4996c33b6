namespace Platform.Routing.Completions;

/// <summary>Values of the <c>platform-error-reason</c> trailer (protos/README.md).</summary>
public static class ErrorReasons
{
    public const string BudgetDenied = "BUDGET_DENIED";
    public const string RateLimited = "RATE_LIMITED";
    public const string UpstreamUnavailable = "UPSTREAM_UNAVAILABLE";
    public const string NoEligibleModel = "NO_ELIGIBLE_MODEL";
    public const string PromptTooLarge = "PROMPT_TOO_LARGE";
    public const string AgentNotFound = "AGENT_NOT_FOUND";
    public const string AgentRetired = "AGENT_RETIRED";
    public const string ModelNotFound = "MODEL_NOT_FOUND";
    public const string ModelDisabled = "MODEL_DISABLED";
    public const string IdempotencyKeyReused = "IDEMPOTENCY_KEY_REUSED";
    public const string InvalidArgument = "INVALID_ARGUMENT";
    public const string DeadlineExceeded = "DEADLINE_EXCEEDED";
    public const string Cancelled = "CANCELLED";
    public const string BudgetUnavailable = "BUDGET_UNAVAILABLE";
    public const string UpstreamRejected = "UPSTREAM_REJECTED";
}
