using Platform.Metrics.Storage;

namespace Platform.Metrics.Reports;

/// <summary>Roll-up buckets of one grain whose start lies in [Start, End).</summary>
public readonly record struct BucketSegment(Grain Grain, DateTime Start, DateTime End);

/// <summary>
/// Covers a window with as few roll-up rows as possible: whole UTC days from day rows, whole hours
/// from hour rows, the remaining minutes from minute rows. A bucket counts when its start lies in the
/// window, so edges round up to the next minute (the current, partial minute is included). Minute rows
/// are kept only for a while; before that, edges round up to the next hour.
/// </summary>
public static class BucketPlan
{
    /// <param name="minuteRowsSince">Minute rows exist from this instant on.</param>
    /// <param name="coarsest">The largest grain allowed (hour when day rows would straddle the report's own buckets).</param>
    public static IReadOnlyList<BucketSegment> Cover(TimeWindow window, DateTime minuteRowsSince, Grain coarsest = Grain.Day)
    {
        var segments = new List<BucketSegment>();
        var start = Grain.Minute.Ceiling(window.Start);
        var end = Grain.Minute.Ceiling(window.End);
        if (start < end)
            Cover(segments, start, end, coarsest, minuteRowsSince);
        return segments;
    }

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
