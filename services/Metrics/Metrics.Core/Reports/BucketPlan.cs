using Platform.Metrics.Storage;

namespace Platform.Metrics.Reports;

/// <summary>Roll-up buckets of one grain whose start lies in [Start, End).</summary>
public readonly record struct BucketSegment(Grain Grain, DateTime Start, DateTime End);

/// <summary>
/// Covers a window with as few roll-up rows as possible: whole UTC days from day rows, whole hours
/// from hour rows, the remaining minutes from minute rows. A bucket counts when its start lies in the
/// window, so edges round up to the next minute (the current, partial minute is included). Minute rows
/// are kept only for a while; before that, edges round up to the next hour.
/// A window that reaches <c>now</c> ends in buckets that are still filling: those hold nothing after now,
/// so the current day (or hour) row answers for the end of the window, not a run of hour and minute rows.
/// </summary>
public static class BucketPlan
{
    /// <param name="minuteRowsSince">Minute rows exist from this instant on.</param>
    /// <param name="coarsest">The largest grain allowed (hour when day rows would straddle the report's own buckets).</param>
    /// <param name="now">When given, data ends here (calls are recorded after they finish).</param>
    public static IReadOnlyList<BucketSegment> Cover(TimeWindow window, DateTime minuteRowsSince, Grain coarsest = Grain.Day, DateTime? now = null)
    {
        var segments = new List<BucketSegment>();
        var start = Grain.Minute.Ceiling(window.Start);
        var end = Grain.Minute.Ceiling(window.End);
        if (now is { } dataEnd && window.End >= dataEnd)
            end = Max(end, coarsest.Ceiling(dataEnd));
        if (start < end)
            Cover(segments, start, end, coarsest, minuteRowsSince);
        return segments;
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private static void Cover(List<BucketSegment> segments, DateTime start, DateTime end, Grain grain, DateTime minuteRowsSince)
    {
        if (start >= end)
            return;

        if (grain == Grain.Minute)
        {
            CoverWithMinutes(segments, start, end, minuteRowsSince);
            return;
        }

        var finer = grain == Grain.Day ? Grain.Hour : Grain.Minute;
        var alignedStart = grain.Ceiling(start);
        var alignedEnd = grain.Floor(end);
        if (alignedStart >= alignedEnd)
        {
            Cover(segments, start, end, finer, minuteRowsSince);
            return;
        }

        Cover(segments, start, alignedStart, finer, minuteRowsSince);
        segments.Add(new BucketSegment(grain, alignedStart, alignedEnd));
        Cover(segments, alignedEnd, end, finer, minuteRowsSince);
    }

    // [start, end) lies within one hour here. Where minute rows are gone, the hour row stands in for
    // the minutes if the hour starts inside the window, and is left out otherwise.
    private static void CoverWithMinutes(List<BucketSegment> segments, DateTime start, DateTime end, DateTime minuteRowsSince)
    {
        if (start >= minuteRowsSince)
        {
            segments.Add(new BucketSegment(Grain.Minute, start, end));
            return;
        }

        var hour = Grain.Hour.Floor(start);
        if (hour == start)
            segments.Add(new BucketSegment(Grain.Hour, hour, hour + Grain.Hour.Length()));
    }
}
