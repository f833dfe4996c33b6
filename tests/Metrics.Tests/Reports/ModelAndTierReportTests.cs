using Platform.Common.V1;
using Platform.Metrics.Reports;
using Platform.Metrics.Storage;
using Platform.Metrics.Tests.Infrastructure;
using Platform.Metrics.V1;
using Xunit;

namespace Platform.Metrics.Tests.Reports;

public sealed class ModelAndTierReportTests(ReportFixture fixture) : IClassFixture<ReportFixture>
{
    public static TheoryData<string> Windows => ["everything", "days and hours", "recent minutes"];

    [Theory]
    [MemberData(nameof(Windows))]
    public async Task Model_report_equals_ground_truth(string windowName)
    {
        var window = WindowNamed(windowName);
        var report = await fixture.Host.Get<ModelReports>().GetAsync(new ModelReportRequest(window, [], "", ""), CancellationToken.None);

        var truth = GroundTruth.In(fixture.Events, window.Start, window.End);
        StatisticsAssert.Matches(truth, report.Total, "total");
        var expectedModels = truth.Calls.GroupBy(c => (c.Model, c.Provider)).ToDictionary(g => g.Key, GroundTruth.Of);
        Assert.Equal(expectedModels.Count, report.Models.Count);
        foreach (var row in report.Models)
            StatisticsAssert.Matches(expectedModels[(row.Model, row.Provider)], row.Statistics, row.Model);
        Assert.Equal(report.Models.OrderByDescending(m => m.Statistics.CostMicros).Select(m => m.Model), report.Models.Select(m => m.Model));
    }

    [Fact]
    public async Task Model_report_of_one_agent_equals_ground_truth()
    {
        var window = WindowNamed("days and hours");
        var report = await fixture.Host.Get<ModelReports>().GetAsync(
            new ModelReportRequest(window, ["gpt-4.1", "deepseek-v3.2"], "", "customer_support"), CancellationToken.None);

        var truth = GroundTruth.In(fixture.Events, window.Start, window.End).Calls
            .Where(c => c.AgentId == "customer_support" && c.Model is "gpt-4.1" or "deepseek-v3.2").ToList();
        StatisticsAssert.Matches(GroundTruth.Of(truth), report.Total, "agent total");
        Assert.Equal(2, report.Models.Count);
        foreach (var row in report.Models)
            StatisticsAssert.Matches(GroundTruth.Of(truth.Where(c => c.Model == row.Model)), row.Statistics, row.Model);
    }

    [Fact]
    public async Task Tier_report_has_four_tiers_that_equal_ground_truth()
    {
        var window = WindowNamed("everything");
        var report = await fixture.Host.Get<TierReports>().GetAsync(window, CancellationToken.None);

        Assert.Equal([Tier.Critical, Tier.High, Tier.Medium, Tier.Low], report.Tiers.Select(t => t.Tier));
        foreach (var tier in report.Tiers)
        {
            var calls = fixture.Events.Where(c => c.Tier == tier.Tier).ToList();
            StatisticsAssert.Matches(GroundTruth.Of(calls), tier.Statistics, tier.Tier.ToString());
            Assert.Equal(calls.Select(c => c.AgentId).Distinct().Count(), tier.AgentCount);
        }

        Assert.Equal(100.0, report.Tiers.Sum(t => t.CostSharePercent), 6);
    }

    [Fact]
    public async Task An_empty_window_reports_zeros()
    {
        var window = new TimeWindow(fixture.Now.AddDays(-30), fixture.Now.AddDays(-20));
        var report = await fixture.Host.Get<ModelReports>().GetAsync(new ModelReportRequest(window, [], "", ""), CancellationToken.None);

        Assert.Empty(report.Models);
        Assert.Equal(CallStatistics.Empty, report.Total);
    }

    // Edges on whole hours (days and hours) or whole minutes (recent, within the minute retention), where
    // the roll-ups answer exactly.
    internal TimeWindow WindowNamed(string name) => WindowFor(fixture.Now, name);

    internal static TimeWindow WindowFor(DateTime now, string name) => name switch
    {
        "everything" => new TimeWindow(now.AddDays(-4), now.AddMinutes(1)),
        "days and hours" => new TimeWindow(Grain.Day.Floor(now).AddDays(-2).AddHours(5), Grain.Hour.Floor(now).AddHours(-2)),
        "recent minutes" => new TimeWindow(Grain.Minute.Floor(now).AddMinutes(-95), Grain.Minute.Floor(now).AddMinutes(-7)),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };
}
