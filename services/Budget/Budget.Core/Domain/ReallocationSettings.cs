namespace Platform.Budget.Domain;

/// <summary>The periodic job that moves unused budget from idle agents to starved ones.</summary>
public sealed record ReallocationSettings(
    bool Enabled,
    TimeSpan Interval,
    TimeSpan Lookback,
    int IdleUtilisationPercent,
    int MaxDonationPercent)
{
    public static ReallocationSettings Default { get; } = new(true, TimeSpan.FromMinutes(5), TimeSpan.FromHours(1), 50, 50);
}
