namespace Platform.Budget.Reports;

/// <summary>
/// Accounting of one window (tokens, or micro-dollars for USD windows). Limit and Available are null
/// when no limit of this kind applies.
/// </summary>
public sealed record WindowUsage(
    DateTimeOffset Start,
    DateTimeOffset End,
    long? Limit,
    long Used,
    long Reserved,
    long? Available,
    double UtilisationPercent,
    long Borrowed,
    long Lent,
    long Overage,
    long Requests,
    long Denials);
