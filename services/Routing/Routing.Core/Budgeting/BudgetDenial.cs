namespace Platform.Routing.Budgeting;

/// <summary>A refused hold. <see cref="Reason"/> is the platform.budget.v1.DenialReason value name.</summary>
public sealed record BudgetDenial(string Reason, TimeSpan? RetryAfter, string Message)
{
    /// <summary>
    /// Whether a cheaper model might be granted: USD limits, and the reasons that do not say which limit
    /// bound (a request larger than a whole limit, a fleet total). Token limits are model-independent.
    /// </summary>
    public bool MayFitCheaperModel =>
        Reason.Contains("USD", StringComparison.Ordinal) ||
        Reason is "DENIAL_REASON_REQUEST_EXCEEDS_LIMIT" or "DENIAL_REASON_FLEET_LIMIT" or "DENIAL_REASON_UNSPECIFIED";
}
