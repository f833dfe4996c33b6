namespace Platform.Metrics.Storage;

/// <summary>The size of a roll-up bucket; the value is what the <c>grain</c> column holds.</summary>
public enum Grain : short
{
    Minute = 1,
    Hour = 2,
    Day = 3,
}

/// <summary>UTC bucket arithmetic.</summary>
public static class GrainMath
{
    public static TimeSpan Length(this Grain grain) => grain switch
    {
        Grain.Minute => TimeSpan.FromMinutes(1),
        Grain.Hour => TimeSpan.FromHours(1),
        Grain.Day => TimeSpan.FromDays(1),
        _ => throw new ArgumentOutOfRangeException(nameof(grain), grain, null),
    };

    /// <summary>The start of the bucket holding <paramref name="utc"/>.</summary>
    public static DateTime Floor(this Grain grain, DateTime utc)
    {
        var ticks = grain.Length().Ticks;
        return new DateTime(utc.Ticks - utc.Ticks % ticks, DateTimeKind.Utc);
    }

    /// <summary>The first bucket start at or after <paramref name="utc"/>.</summary>
    public static DateTime Ceiling(this Grain grain, DateTime utc)
    {
        var floor = grain.Floor(utc);
        return floor.Ticks == utc.Ticks ? floor : floor + grain.Length();
    }

    public static bool IsAligned(this Grain grain, DateTime utc) => utc.Ticks % grain.Length().Ticks == 0;
}
