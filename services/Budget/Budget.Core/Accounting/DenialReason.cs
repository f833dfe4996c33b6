namespace Platform.Budget.Accounting;

/// <summary>Why a reservation was refused. Numbers match the contract.</summary>
public enum DenialReason
{
    Unspecified = 0,
    HourlyTokenLimit = 1,
    DailyTokenLimit = 2,
    HourlyUsdLimit = 3,
    DailyUsdLimit = 4,
    FleetLimit = 5,
    NoSpareBudget = 6,
    RequestExceedsLimit = 7,
}
