using Google.Protobuf.WellKnownTypes;
using Platform.Metrics.Reports;
using Platform.Metrics.V1;

namespace Platform.Metrics.Grpc.Mapping;

internal static class WindowMapping
{
    /// <summary>The request's window in absolute UTC times (unset = last day).</summary>
    public static TimeWindow Resolve(ReportWindow? window, DateTime now)
    {
        var range = window?.TimeRange;
        return TimeWindow.Resolve(window?.Period ?? ReportPeriod.Unspecified, ToUtc(range?.StartTime, "start_time"),
            ToUtc(range?.EndTime, "end_time"), range is not null, now);
    }

    /// <summary>How the caller named the window, stable across pages even when "last day" moves on.</summary>
    public static string Key(ReportWindow? window) => window?.TimeRange is { } range
        ? $"range:{range.StartTime?.ToDiagnosticString()}:{range.EndTime?.ToDiagnosticString()}"
        : $"period:{(int)(window?.Period ?? ReportPeriod.Unspecified)}";

    public static Platform.Common.V1.TimeRange ToProto(TimeWindow window) => new()
    {
        StartTime = Timestamp.FromDateTime(window.Start),
        EndTime = Timestamp.FromDateTime(window.End),
    };

    public static DateTime? ToUtc(Timestamp? timestamp, string field)
    {
        if (timestamp is null)
            return null;
        if (timestamp.Nanos is < 0 or >= 1_000_000_000 || timestamp.Seconds is < -62_135_596_800 or > 253_402_300_799)
            throw new ReportArgumentException($"{field} is not a valid timestamp");
        return timestamp.ToDateTime();
    }

    public static Duration ToDuration(TimeSpan span) => Duration.FromTimeSpan(span);
}
