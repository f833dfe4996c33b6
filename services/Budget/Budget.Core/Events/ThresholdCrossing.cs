namespace Platform.Budget.Events;

/// <summary>An agent's window crossed its warning threshold (or 100%).</summary>
public sealed record ThresholdCrossing(
    string Window,
    int ThresholdPercent,
    double UtilisationPercent,
    long Limit,
    long Consumed,
    DateTimeOffset WindowEndTime);
