namespace Platform.Agents.Loop;

/// <summary>A step call that did not produce a reply.</summary>
public sealed class StepFailure(StepFailureKind kind, string reason, string message, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception(message, inner)
{
    public StepFailureKind Kind { get; } = kind;

    /// <summary>Machine-readable reason from the gateway (e.g. BUDGET_DENIED, UPSTREAM_UNAVAILABLE).</summary>
    public string Reason { get; } = reason;

    /// <summary>When waiting helps: how long (from the gateway's retry-after-ms).</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
