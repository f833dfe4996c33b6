namespace Platform.Budget.Accounting;

/// <summary>
/// This replica's guess of the fleet's current windows, so the window keys can be declared to the
/// script up front (Cluster-safe). The script checks the guess against Redis TIME and answers with
/// the true windows when it is wrong (clock skew at a boundary, or a test clock offset); the guess
/// then shifts by what was learned. At most one retry per window boundary and replica.
/// </summary>
public sealed class WindowGuess(TimeProvider time)
{
    private long _offsetMs;

    public (long Hour, long Day) Current()
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds() + Volatile.Read(ref _offsetMs);
        return (BudgetWindows.HourIndex(now), BudgetWindows.DayIndex(now));
    }

    /// <summary>The script said the current hour is <paramref name="hour"/>: aim at its start from now on.</summary>
    public void Learn(long hour)
    {
        var local = time.GetUtcNow().ToUnixTimeMilliseconds();
        Volatile.Write(ref _offsetMs, (hour * BudgetWindows.HourMs) - local);
    }
}
