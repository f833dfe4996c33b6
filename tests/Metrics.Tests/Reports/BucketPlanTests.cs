using Platform.Metrics.Reports;
using Platform.Metrics.Storage;
using Xunit;

namespace Platform.Metrics.Tests.Reports;

public sealed class BucketPlanTests
{
    private static readonly DateTime Now = new(2026, 11, 20, 15, 42, 30, DateTimeKind.Utc);
    private static readonly DateTime MinutesSince = Now.AddDays(-2);

    [Fact]
    public void A_month_is_whole_days_plus_edge_hours_and_minutes()
    {
        var window = new TimeWindow(new DateTime(2026, 10, 21, 15, 42, 30, DateTimeKind.Utc), Now);
        var segments = BucketPlan.Cover(window, MinutesSince);

        Assert.Equal(
        [
            // The start is older than the minute roll-ups: it rounds up to the next hour.
            new BucketSegment(Grain.Hour, At(10, 21, 16), At(10, 22, 0)),
            new BucketSegment(Grain.Day, At(10, 22, 0), At(11, 20, 0)),
            new BucketSegment(Grain.Hour, At(11, 20, 0), At(11, 20, 15)),
            new BucketSegment(Grain.Minute, At(11, 20, 15), At(11, 20, 15, 43)),
        ], segments);
    }

    [Fact]
    public void Recent_edges_use_minutes_and_the_current_minute_counts()
    {
        var segments = BucketPlan.Cover(new TimeWindow(Now.AddHours(-1), Now), MinutesSince);

        Assert.Equal([new BucketSegment(Grain.Minute, At(11, 20, 14, 43), At(11, 20, 15, 43))], segments);
    }

    [Fact]
    public void Hour_aligned_windows_never_touch_minutes_and_hour_cap_avoids_days()
    {
        var window = new TimeWindow(At(11, 17, 5), At(11, 19, 3));
        Assert.Equal(
        [
            new BucketSegment(Grain.Hour, At(11, 17, 5), At(11, 18, 0)),
            new BucketSegment(Grain.Day, At(11, 18, 0), At(11, 19, 0)),
            new BucketSegment(Grain.Hour, At(11, 19, 0), At(11, 19, 3)),
        ], BucketPlan.Cover(window, MinutesSince));
        Assert.Equal([new BucketSegment(Grain.Hour, At(11, 17, 5), At(11, 19, 3))], BucketPlan.Cover(window, MinutesSince, Grain.Hour));
    }

    [Fact]
    public void Old_windows_inside_one_hour_round_to_that_hour_only_if_it_starts_inside()
    {
        Assert.Empty(BucketPlan.Cover(new TimeWindow(At(10, 1, 3, 20), At(10, 1, 3, 40)), MinutesSince));
        Assert.Equal([new BucketSegment(Grain.Hour, At(10, 1, 3), At(10, 1, 4))],
            BucketPlan.Cover(new TimeWindow(At(10, 1, 3), At(10, 1, 3, 40)), MinutesSince));
    }

    [Fact]
    public void A_window_reaching_now_ends_in_the_current_day_or_hour_row()
    {
        var month = BucketPlan.Cover(new TimeWindow(Now.AddDays(-30), Now), MinutesSince, now: Now);
        Assert.Equal(
        [
            new BucketSegment(Grain.Hour, At(10, 21, 16), At(10, 22, 0)),
            new BucketSegment(Grain.Day, At(10, 22, 0), At(11, 21, 0)),
        ], month);

        var hour = BucketPlan.Cover(new TimeWindow(Now.AddHours(-1), Now), MinutesSince, now: Now);
        Assert.Equal(
        [
            new BucketSegment(Grain.Minute, At(11, 20, 14, 43), At(11, 20, 15)),
            new BucketSegment(Grain.Hour, At(11, 20, 15), At(11, 21, 0)),
        ], hour);
    }

    private static DateTime At(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);
}
