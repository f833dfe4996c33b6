using Platform.Metrics.V1;

namespace Platform.Metrics.Reports;

/// <summary>A half-open UTC interval [Start, End).</summary>
public readonly record struct TimeWindow(DateTime Start, DateTime End)
{
    /// <summary>Longest window a report may cover.</summary>
    public static readonly TimeSpan MaxLength = TimeSpan.FromDays(400);

    public TimeSpan Length => End - Start;

    /// <summary>
    /// A named period relative to <paramref name="now"/>, or an explicit range (which wins when given).
    /// An open range start means as far back as a report may reach (<see cref="MaxLength"/>); an open end means now.
    /// </summary>
    public static TimeWindow Resolve(ReportPeriod period, DateTime? rangeStart, DateTime? rangeEnd, bool hasRange, DateTime now)
    {
        if (!hasRange)
            return ForPeriod(period, now);

        var end = rangeEnd ?? now;
        var start = rangeStart ?? end - MaxLength;
        if (end <= start)
            throw new ReportArgumentException("time_range.end_time must be after time_range.start_time");
        if (end - start > MaxLength)
            throw new ReportArgumentException("time_range is longer than 400 days");
        return new TimeWindow(start, end);
    }

    public static TimeWindow ForPeriod(ReportPeriod period, DateTime now) => period switch
    {
        ReportPeriod.Unspecified or ReportPeriod.LastDay => new(now.AddDays(-1), now),
        ReportPeriod.LastHour => new(now.AddHours(-1), now),
        ReportPeriod.LastWeek => new(now.AddDays(-7), now),
        ReportPeriod.LastMonth => new(now.AddDays(-30), now),
        ReportPeriod.CurrentHour => new(new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc), now),
        ReportPeriod.CurrentDay => new(now.Date, now),
        ReportPeriod.CurrentMonth => new(new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc), now),
        _ => throw new ReportArgumentException($"unknown report period {(int)period}"),
    };
}
