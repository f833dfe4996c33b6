namespace Platform.Budget.Accounting;

/// <summary>A refusal: an answer for the caller to branch on, not an error.</summary>
public sealed record Denial(
    DenialReason Reason,
    TimeSpan? RetryAfter,
    string Message,
    long RequestedTokens,
    long AvailableTokens,
    long RequestedCostMicros,
    long AvailableCostMicros);
