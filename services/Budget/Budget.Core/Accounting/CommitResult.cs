namespace Platform.Budget.Accounting;

/// <summary>What a commit charged, against what had been held.</summary>
public sealed record CommitResult(
    long CommittedTokens,
    long CommittedCostMicros,
    long ReservedTokens,
    long ReservedCostMicros,
    long OverageTokens,
    long OverageCostMicros,
    bool ReservationExpired,
    bool Duplicate)
{
    /// <summary>Positive = returned to the budget; negative = charged beyond the hold.</summary>
    public long DifferenceTokens => ReservedTokens - CommittedTokens;

    public long DifferenceCostMicros => ReservedCostMicros - CommittedCostMicros;
}
