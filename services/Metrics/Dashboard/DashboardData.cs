using Platform.Metrics.Alerts;
using Platform.Metrics.Budget;
using Platform.Metrics.Reports;
using Platform.Metrics.Storage;
using Platform.Metrics.V1;

namespace Platform.Metrics.Dashboard;

/// <summary>Everything the dashboard page shows for one window, in one JSON document.</summary>
internal sealed class DashboardData(
    ModelReports models,
    TierReports tiers,
    AgentReports agents,
    SpendReports spend,
    TimeSeriesReports series,
    LiveSnapshots live,
    AlertStore alertStore,
    AlertQueries alertQueries,
    BudgetUtilisationStore budgets,
    TimeProvider time)
{
    private static readonly Dictionary<string, (ReportPeriod Period, Grain Grain)> Windows = new(StringComparer.OrdinalIgnoreCase)
    {
        ["hour"] = (ReportPeriod.LastHour, Grain.Minute),
        ["day"] = (ReportPeriod.LastDay, Grain.Hour),
        ["week"] = (ReportPeriod.LastWeek, Grain.Hour),
        ["month"] = (ReportPeriod.LastMonth, Grain.Day),
    };

    public static bool IsKnownWindow(string name) => Windows.ContainsKey(name);

    public async Task<object> GetAsync(string windowName, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var (period, grain) = Windows[windowName];
        var window = TimeWindow.ForPeriod(period, now);

        var modelReport = models.GetAsync(new ModelReportRequest(window, [], "", ""), cancellationToken);
        var tierReport = tiers.GetAsync(window, cancellationToken);
        var agentReport = agents.GetAsync(new AgentReportRequest(window, windowName, [], "", Common.V1.Tier.Unspecified, 10, ""), cancellationToken);
        var spendReport = spend.GetAsync(new SpendReportRequest(window, Granularity.Unspecified, [], "", "", "", ""), cancellationToken);
        var chart = series.GetAsync(window, grain, cancellationToken);
        var snapshot = live.TakeAsync(new SnapshotRequest(TimeSpan.FromMinutes(1), [], false), cancellationToken);
        var firing = alertStore.ReadFiringAsync(cancellationToken);
        var resolved = alertQueries.ListAsync(new AlertListRequest([AlertState.Resolved], [], null, 8, ""), cancellationToken);
        var budgetReadings = budgets.ReadCurrentAsync(now, cancellationToken);

        return new
        {
            generatedAt = now,
            window = new { name = windowName.ToLowerInvariant(), start = window.Start, end = window.End },
            fleet = (await modelReport).Total,
            live = new { (await snapshot).RequestsPerSecond, (await snapshot).TokensPerSecond, (await snapshot).CostTodayMicros },
            spend = (await spendReport).Total,
            baseline = (await spendReport).BaselinePrices,
            models = (await modelReport).Models.Select(m => new { m.Model, m.Provider, stats = m.Statistics }),
            tiers = (await tierReport).Tiers.Select(t => new { tier = TopSpenderReports.TierName(t.Tier), t.AgentCount, stats = t.Statistics, t.CostSharePercent }),
            agents = (await agentReport).Agents.Select(a => new { a.AgentId, a.Team, tier = TopSpenderReports.TierName(a.Tier), stats = a.Statistics, a.CostSharePercent }),
            teams = (await agentReport).Teams.Select(t => new { t.Team, t.AgentCount, stats = t.Statistics, t.CostSharePercent }),
            series = Series(await chart),
            alerts = new
            {
                firing = (await firing).Alerts.Select(AlertJson),
                recentlyResolved = (await resolved).Alerts.Select(AlertJson),
            },
            budgets = (await budgetReadings).Select(b => new
            {
                b.AgentId, b.Window, tier = TopSpenderReports.TierName(b.Tier), b.UtilisationPercent, b.ThresholdPercent, b.WindowEndTime,
            }),
        };
    }

    private static object Series(TimeSeries series) => new
    {
        grain = series.Grain.ToString().ToLowerInvariant(),
        buckets = series.Buckets,
        requests = series.Requests,
        errorPercent = series.ErrorPercent,
        rateLimitedPercent = series.RateLimitedPercent,
        costByModel = series.CostByModel,
        costByAgent = series.CostByAgent,
        p95LatencyByModel = series.P95LatencyByModel,
    };

    private static object AlertJson(Alerts.Alert alert) => new
    {
        alert.AlertId,
        kind = AlertNames.Kind(alert.Kind),
        severity = AlertNames.Severity(alert.Severity),
        scope = AlertNames.Scope(alert.Scope),
        alert.ScopeId,
        alert.ObservedValue,
        alert.Threshold,
        alert.Unit,
        alert.Message,
        alert.StartTime,
        alert.EndTime,
    };
}
