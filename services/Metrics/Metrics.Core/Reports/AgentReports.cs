using Platform.Common.V1;
using Platform.Metrics.Storage;

namespace Platform.Metrics.Reports;

/// <param name="WindowKey">How the caller named the window (period or range), which must stay the same across pages.</param>
public sealed record AgentReportRequest(
    TimeWindow Window, string WindowKey, IReadOnlyCollection<string> AgentIds, string Team, Tier Tier, int PageSize, string PageToken);

public sealed record AgentReportRow(string AgentId, string Team, Tier Tier, CallStatistics Statistics, double CostSharePercent);

public sealed record TeamReportRow(string Team, int AgentCount, CallStatistics Statistics, double CostSharePercent);

public sealed record AgentReport(
    IReadOnlyList<AgentReportRow> Agents, IReadOnlyList<TeamReportRow> Teams, CallStatistics Total, TimeWindow Window, string NextPageToken);

/// <summary>Spend and call statistics per agent (paged, by cost) and per team over a window.</summary>
public sealed class AgentReports(RollupSource source)
{
    private const int DefaultPageSize = 100;

    public async Task<AgentReport> GetAsync(AgentReportRequest request, CancellationToken cancellationToken)
    {
        var pageSize = Reports.PageToken.ResolvePageSize(request.PageSize, DefaultPageSize);
        var fingerprint = Reports.PageToken.Fingerprint(
            [request.WindowKey], request.AgentIds.Order(StringComparer.Ordinal), [request.Team, ((int)request.Tier).ToString()]);
        var offset = Reports.PageToken.Decode(request.PageToken, fingerprint);

        var filter = new RollupFilter
        {
            AgentIds = request.AgentIds,
            Team = request.Team.Length > 0 ? request.Team : null,
            Tier = request.Tier == Tier.Unspecified ? null : request.Tier,
        };
        var rows = await source.ReadAsync(RollupCube.Agents, request.Window, filter, histograms: true, cancellationToken);
        var total = RollupSource.Sum(rows);

        var agents = rows.GroupBy(row => row.Key.AgentId, StringComparer.Ordinal)
            .Select(group => AgentRow(group, total.CostMicros))
            .OrderByDescending(row => row.Statistics.CostMicros)
            .ThenBy(row => row.AgentId, StringComparer.Ordinal)
            .ToList();
        var page = agents.Skip(offset).Take(pageSize).ToList();
        var next = offset + pageSize < agents.Count ? Reports.PageToken.Encode(offset + pageSize, fingerprint) : "";

        var teams = rows.GroupBy(row => row.Key.Team, StringComparer.Ordinal)
            .Select(group => new TeamReportRow(
                group.Key,
                group.Select(row => row.Key.AgentId).Distinct(StringComparer.Ordinal).Count(),
                CallStatistics.From(RollupSource.Sum(group)),
                CallStatistics.Percent(group.Sum(row => row.Tally.CostMicros), total.CostMicros)))
            .OrderByDescending(team => team.Statistics.CostMicros)
            .ThenBy(team => team.Team, StringComparer.Ordinal)
            .ToList();

        return new AgentReport(page, teams, CallStatistics.From(total), request.Window, next);
    }

    // An agent's team and tier are those of its latest calls.
    private static AgentReportRow AgentRow(IGrouping<string, RollupRow> rows, long totalCost)
    {
        var latest = rows.MaxBy(row => row.Key.BucketStart + row.Key.Grain.Length())!.Key;
        var statistics = CallStatistics.From(RollupSource.Sum(rows));
        return new AgentReportRow(rows.Key, latest.Team, latest.Tier, statistics, CallStatistics.Percent(statistics.CostMicros, totalCost));
    }
}
