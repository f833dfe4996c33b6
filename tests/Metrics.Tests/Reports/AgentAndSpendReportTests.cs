using Platform.Common.V1;
using Platform.Metrics.Reports;
using Platform.Metrics.Tests.Infrastructure;
using Platform.Metrics.V1;
using Xunit;

namespace Platform.Metrics.Tests.Reports;

public sealed class AgentAndSpendReportTests(ReportFixture fixture) : IClassFixture<ReportFixture>
{
    [Fact]
    public async Task Agent_report_pages_through_every_agent_by_cost_with_teams_and_totals()
    {
        var window = ModelAndTierReportTests.WindowFor(fixture.Now, "days and hours");
        var truth = GroundTruth.In(fixture.Events, window.Start, window.End);
        var reports = fixture.Host.Get<AgentReports>();

        var agents = new List<AgentReportRow>();
        var token = "";
        AgentReport page;
        var pages = 0;
        do
        {
            page = await reports.GetAsync(new AgentReportRequest(window, "w", [], "", Tier.Unspecified, 7, token), CancellationToken.None);
            agents.AddRange(page.Agents);
            token = page.NextPageToken;
            Assert.True(++pages < 100);
        }
        while (token.Length > 0);

        var expected = truth.Calls.GroupBy(c => c.AgentId).ToDictionary(g => g.Key, GroundTruth.Of);
        Assert.Equal(expected.Keys.Order(), agents.Select(a => a.AgentId).Order());
        Assert.Equal(agents.OrderByDescending(a => a.Statistics.CostMicros).ThenBy(a => a.AgentId, StringComparer.Ordinal), agents);
        foreach (var agent in agents)
        {
            StatisticsAssert.Matches(expected[agent.AgentId], agent.Statistics, agent.AgentId);
            Assert.Equal(expected[agent.AgentId].Calls[0].Team, agent.Team);
        }

        var teams = truth.Calls.GroupBy(c => c.Team).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(teams.Count, page.Teams.Count);
        foreach (var team in page.Teams)
        {
            StatisticsAssert.Matches(GroundTruth.Of(teams[team.Team]), team.Statistics, $"team '{team.Team}'");
            Assert.Equal(teams[team.Team].Select(c => c.AgentId).Distinct().Count(), team.AgentCount);
        }

        StatisticsAssert.Matches(truth, page.Total, "total");
        Assert.Equal(100.0, agents.Sum(a => a.CostSharePercent), 6);
    }

    [Fact]
    public async Task Agent_report_filters_by_team_and_tier()
    {
        var window = ModelAndTierReportTests.WindowFor(fixture.Now, "everything");
        var report = await fixture.Host.Get<AgentReports>().GetAsync(
            new AgentReportRequest(window, "w", [], "commerce", Tier.Critical, 0, ""), CancellationToken.None);

        var calls = fixture.Events.Where(c => c.Team == "commerce" && c.Tier == Tier.Critical).ToList();
        Assert.Equal(["order_processing", "payment_verification"], report.Agents.Select(a => a.AgentId).Order());
        StatisticsAssert.Matches(GroundTruth.Of(calls), report.Total, "commerce/critical");
        Assert.Equal("", report.NextPageToken);
    }

    [Fact]
    public async Task A_page_token_from_other_filters_or_garbage_is_rejected()
    {
        var window = ModelAndTierReportTests.WindowFor(fixture.Now, "everything");
        var reports = fixture.Host.Get<AgentReports>();
        var first = await reports.GetAsync(new AgentReportRequest(window, "w", [], "", Tier.Unspecified, 2, ""), CancellationToken.None);

        await Assert.ThrowsAsync<ReportArgumentException>(() =>
            reports.GetAsync(new AgentReportRequest(window, "w", [], "support", Tier.Unspecified, 2, first.NextPageToken), CancellationToken.None));
        await Assert.ThrowsAsync<ReportArgumentException>(() =>
            reports.GetAsync(new AgentReportRequest(window, "w", [], "", Tier.Unspecified, 2, "not-a-token"), CancellationToken.None));
        await Assert.ThrowsAsync<ReportArgumentException>(() =>
            reports.GetAsync(new AgentReportRequest(window, "w", [], "", Tier.Unspecified, -1, ""), CancellationToken.None));
    }

    [Theory]
    [InlineData("UTC", Granularity.Hour)]
    [InlineData("UTC", Granularity.Day)]
    [InlineData("Asia/Ho_Chi_Minh", Granularity.Day)]
    [InlineData("America/New_York", Granularity.Month)]
    public async Task Spend_report_buckets_and_savings_equal_ground_truth(string zoneId, Granularity granularity)
    {
        var window = ModelAndTierReportTests.WindowFor(fixture.Now, "days and hours");
        var baseline = new List<BaselineModelPrice>
        {
            new() { Model = "", InputMicrosPerMtok = 15_000_000, OutputMicrosPerMtok = 15_000_000 },
            new() { Model = "gpt-4o-mini", InputMicrosPerMtok = 2_500_000, OutputMicrosPerMtok = 10_000_000 },
        };
        var report = await fixture.Host.Get<SpendReports>().GetAsync(
            new SpendReportRequest(window, granularity, baseline, zoneId, "", "", ""), CancellationToken.None);

        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        Assert.Equal(window.Start, report.Buckets[0].Start);
        Assert.Equal(window.End, report.Buckets[^1].End);
        foreach (var bucket in report.Buckets)
        {
            var calls = GroundTruth.In(fixture.Events, bucket.Start, bucket.End).Calls;
            Assert.Equal(calls.Count, bucket.RequestCount);
            Assert.Equal(calls.Sum(c => c.CostMicros), bucket.CostMicros);
            Assert.Equal(calls.Sum(c => c.InputTokens), bucket.InputTokens);
            Assert.Equal(ExpectedBaseline(calls, baseline), bucket.BaselineCostMicros);
            if (bucket != report.Buckets[^1])
                Assert.True(IsLocalBoundary(bucket.End, zone, granularity), $"{bucket.End:o} is not a {granularity} boundary in {zoneId}");
        }

        var all = GroundTruth.In(fixture.Events, window.Start, window.End);
        Assert.Equal(all.CostMicros, report.Total.CostMicros);
        Assert.Equal(report.Buckets.Sum(b => b.BaselineCostMicros), report.Total.BaselineCostMicros);
        Assert.Equal(report.Total.BaselineCostMicros - report.Total.CostMicros, report.Total.SavingsMicros);
        Assert.True(report.Total.SavingsPercent > 0);
    }

    [Fact]
    public async Task Spend_report_of_one_team_uses_its_calls_only()
    {
        var window = ModelAndTierReportTests.WindowFor(fixture.Now, "everything");
        var report = await fixture.Host.Get<SpendReports>().GetAsync(
            new SpendReportRequest(window, Granularity.Day, [], "", "", "support", ""), CancellationToken.None);

        var support = fixture.Events.Where(c => c.Team == "support").ToList();
        Assert.Equal(support.Sum(c => c.CostMicros), report.Total.CostMicros);
        foreach (var bucket in report.Buckets)
        {
            var calls = GroundTruth.In(support, bucket.Start, bucket.End).Calls;
            Assert.Equal(calls.Count, bucket.RequestCount);
            Assert.Equal(ExpectedBaseline(calls, [new() { Model = "", InputMicrosPerMtok = 15_000_000, OutputMicrosPerMtok = 15_000_000 }]),
                bucket.BaselineCostMicros);
        }
    }

    [Theory]
    [InlineData(SpendDimension.Agent)]
    [InlineData(SpendDimension.Team)]
    [InlineData(SpendDimension.Model)]
    [InlineData(SpendDimension.Provider)]
    [InlineData(SpendDimension.Tier)]
    public async Task Top_spenders_equal_ground_truth(SpendDimension dimension)
    {
        var window = ModelAndTierReportTests.WindowFor(fixture.Now, "everything");
        var top = await fixture.Host.Get<TopSpenderReports>().GetAsync(window, dimension, 3, CancellationToken.None);

        Func<CallEvent, string> key = dimension switch
        {
            SpendDimension.Agent => c => c.AgentId,
            SpendDimension.Team => c => c.Team,
            SpendDimension.Model => c => c.Model,
            SpendDimension.Provider => c => c.Provider,
            _ => c => TopSpenderReports.TierName(c.Tier),
        };
        var expected = fixture.Events.GroupBy(key)
            .Select(g => (Key: g.Key, Cost: g.Sum(c => c.CostMicros), Requests: (long)g.Count()))
            .OrderByDescending(s => s.Cost).ThenBy(s => s.Key, StringComparer.Ordinal).Take(3).ToList();
        Assert.Equal(expected.Select(e => (e.Key, e.Cost, e.Requests)), top.Spenders.Select(s => (s.Key, s.CostMicros, s.RequestCount)));
        Assert.Equal(fixture.Events.Sum(c => c.CostMicros), top.TotalCostMicros);
    }

    // The baseline is priced per model and bucket from summed tokens, rounded up once: the same here.
    private static long ExpectedBaseline(IEnumerable<CallEvent> calls, IReadOnlyList<BaselineModelPrice> prices) =>
        calls.GroupBy(c => c.Model).Sum(g =>
        {
            var price = prices.FirstOrDefault(p => p.Model == g.Key) ?? prices.First(p => p.Model == "");
            return (long)Math.Ceiling((g.Sum(c => c.InputTokens) * (decimal)price.InputMicrosPerMtok
                                       + g.Sum(c => c.OutputTokens) * (decimal)price.OutputMicrosPerMtok) / 1_000_000m);
        });

    private static bool IsLocalBoundary(DateTime utc, TimeZoneInfo zone, Granularity granularity)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(utc, zone);
        return granularity switch
        {
            Granularity.Hour => local.Minute == 0 && local.Second == 0,
            Granularity.Day => local.TimeOfDay == TimeSpan.Zero,
            _ => local.TimeOfDay == TimeSpan.Zero && local.Day == 1,
        };
    }
}
