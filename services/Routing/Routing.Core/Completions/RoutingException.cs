namespace Platform.Routing.Completions;

/// <summary>
/// A request the gateway could not serve, with what the caller needs to react: the kind (status code),
/// a machine-readable reason, and when retrying may help.
/// </summary>
public sealed class RoutingException(RoutingErrorKind kind, string reason, string message) : Exception(message)
{
    public RoutingErrorKind Kind { get; } = kind;

    /// <summary>An UPPER_SNAKE reason from <see cref="ErrorReasons"/>.</summary>
    public string Reason { get; } = reason;

    /// <summary>When waiting helps; null when retrying cannot succeed.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>With <see cref="ErrorReasons.BudgetDenied"/>: the platform.budget.v1.DenialReason value name.</summary>
    public string? DenialReason { get; init; }

    /// <summary>The parameter at fault, for OpenAI-style error bodies.</summary>
    public string? Parameter { get; init; }

    public static RoutingException InvalidArgument(string message, string reason = ErrorReasons.InvalidArgument) =>
        new(RoutingErrorKind.InvalidArgument, reason, message);

    public static RoutingException NotFound(string reason, string message) => new(RoutingErrorKind.NotFound, reason, message);

    public static RoutingException FailedPrecondition(string reason, string message) =>
        new(RoutingErrorKind.FailedPrecondition, reason, message);

    public static RoutingException Unavailable(string message, TimeSpan? retryAfter = null, string reason = ErrorReasons.UpstreamUnavailable) =>
        new(RoutingErrorKind.Unavailable, reason, message) { RetryAfter = retryAfter };

    public static RoutingException RateLimited(string message, TimeSpan? retryAfter) =>
        new(RoutingErrorKind.ResourceExhausted, ErrorReasons.RateLimited, message) { RetryAfter = retryAfter };

    public static RoutingException Deadline(string message = "the caller's deadline passed") =>
        new(RoutingErrorKind.DeadlineExceeded, ErrorReasons.DeadlineExceeded, message);

    public static RoutingException Cancelled(string message = "the caller cancelled") =>
        new(RoutingErrorKind.Cancelled, ErrorReasons.Cancelled, message);
}
