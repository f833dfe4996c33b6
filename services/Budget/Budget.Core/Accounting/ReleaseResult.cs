namespace Platform.Budget.Accounting;

/// <summary>What a release returned; nothing when the reservation had already been released or had expired.</summary>
public sealed record ReleaseResult(long ReleasedTokens, long ReleasedCostMicros, bool AlreadySettled);
