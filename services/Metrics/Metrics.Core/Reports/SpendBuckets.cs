using Platform.Metrics.V1;

namespace Platform.Metrics.Reports;

/// <summary>Calendar buckets (hours, days or months in a time zone) covering a window, as UTC instants.</summary>
public static class SpendBuckets
{
    public const int MaxBuckets = 2000;

    /// <summary>HOUR up to 2 days, DAY up to 62 days, else MONTH.</summary>
    public static Granularity Choose(Granularity requested, TimeWindow window) => requested switch
    {
        Granularity.Unspecified when window.Length <= TimeSpan.FromDays(2) => Granularity.Hour,
        Granularity.Unspecified when window.Length <= TimeSpan.FromDays(62) => Granularity.Day,
        Granularity.Unspecified => Granularity.Month,
        Granularity.Hour or Granularity.Day or Granularity.Month => requested,
        _ => throw new ReportArgumentException($"unknown granularity {(int)requested}"),
    };

    public static TimeZoneInfo FindZone(string timeZone)
    {
        if (string.IsNullOrEmpty(timeZone))
            return TimeZoneInfo.Utc;
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        }
        catch (Exception exception) when (exception is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new ReportArgumentException($"unknown time zone '{timeZone}'");
        }
    }

    /// <summary>
    /// Bucket boundaries: the first is the window start, the last its end, those between are the local
    /// calendar boundaries. Bucket i is [boundaries[i], boundaries[i + 1]).
    /// </summary>
    public static List<DateTime> Boundaries(TimeWindow window, Granularity granularity, TimeZoneInfo zone)
    {
        var boundaries = new List<DateTime> { window.Start };
        var local = TimeZoneInfo.ConvertTimeFromUtc(window.Start, zone);
        var boundary = Truncate(local, granularity);
        while (true)
        {
            boundary = Advance(boundary, granularity);
            var utc = ToUtc(boundary, zone);
            if (utc >= window.End)
                break;
            if (utc > boundaries[^1])
                boundaries.Add(utc);
            if (boundaries.Count > MaxBuckets)
                throw new ReportArgumentException($"the window holds more than {MaxBuckets} {granularity.ToString().ToLowerInvariant()} buckets");
        }

        boundaries.Add(window.End);
        return boundaries;
    }

    /// <summary>Whether UTC day rows can be assigned to this zone's days whole (no offset, ever).</summary>
    public static bool AlignsWithUtcDays(TimeZoneInfo zone) =>
        zone.BaseUtcOffset == TimeSpan.Zero && !zone.SupportsDaylightSavingTime;

    private static DateTime Truncate(DateTime local, Granularity granularity) => granularity switch
    {
        Granularity.Hour => new DateTime(local.Year, local.Month, local.Day, local.Hour, 0, 0),
        Granularity.Day => local.Date,
        _ => new DateTime(local.Year, local.Month, 1),
    };

    private static DateTime Advance(DateTime local, Granularity granularity) => granularity switch
    {
        Granularity.Hour => local.AddHours(1),
        Granularity.Day => local.AddDays(1),
        _ => local.AddMonths(1),
    };

    // A local time skipped by a daylight-saving jump starts its bucket at the first instant that exists.
    private static DateTime ToUtc(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
            local = local.AddMinutes(15);
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }
}
