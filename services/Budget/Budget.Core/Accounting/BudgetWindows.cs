namespace Platform.Budget.Accounting;

/// <summary>
/// UTC-aligned windows as the scripts number them: hour index = unix ms / 3,600,000, day index =
/// unix ms / 86,400,000 (so a day always holds 24 whole hours).
/// </summary>
public static class BudgetWindows
{
    public const long HourMs = 3_600_000;
    public const long DayMs = 86_400_000;

    public static long HourIndex(long unixMs) => unixMs / HourMs;

    public static long DayIndex(long unixMs) => unixMs / DayMs;

    public static long DayOfHour(long hourIndex) => hourIndex / 24;

    public static DateTimeOffset HourStart(long hourIndex) => DateTimeOffset.FromUnixTimeMilliseconds(hourIndex * HourMs);

    public static DateTimeOffset DayStart(long dayIndex) => DateTimeOffset.FromUnixTimeMilliseconds(dayIndex * DayMs);
}
