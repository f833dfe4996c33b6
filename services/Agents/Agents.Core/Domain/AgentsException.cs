namespace Platform.Agents.Domain;

/// <summary>
/// A request the engine refuses, with a machine-readable <see cref="Reason"/> (UPPER_SNAKE, sent as the
/// <c>platform-error-reason</c> trailer) and, for bad fields, the <see cref="Field"/> path at fault.
/// </summary>
public sealed class AgentsException(AgentsErrorKind kind, string reason, string message, string? field = null, TimeSpan? retryAfter = null)
    : Exception(message)
{
    public AgentsErrorKind Kind { get; } = kind;
    public string Reason { get; } = reason;
    public string? Field { get; } = field;
    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>A bad field: the reason names the field (<c>spec.goal</c> becomes <c>SPEC_GOAL</c>).</summary>
    public static AgentsException Invalid(string field, string message) =>
        new(AgentsErrorKind.InvalidArgument, ErrorReasons.ForField(field), message, field);

    public static AgentsException NotFound(string reason, string message) => new(AgentsErrorKind.NotFound, reason, message);

    public static AgentsException Precondition(string reason, string message) => new(AgentsErrorKind.FailedPrecondition, reason, message);

    public static AgentsException Exists(string reason, string message) => new(AgentsErrorKind.AlreadyExists, reason, message);

    public static AgentsException Unavailable(string reason, string message, TimeSpan? retryAfter = null) =>
        new(AgentsErrorKind.Unavailable, reason, message, retryAfter: retryAfter);
}
