using Platform.Metrics.Storage;

namespace Platform.Metrics.Reports;

public sealed record SnapshotRequest(TimeSpan Lookback, IReadOnlyCollection<string> Models, bool IncludeAgents)
{
    public static readonly TimeSpan MinLookback = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan MaxLookback = TimeSpan.FromHours(1);
}

/// <param name="Lookback">The span the statistics actually cover: the requested lookback widened to whole minutes.</param>
public sealed record LiveSnapshot(
    DateTime Time, TimeSpan Lookback, CallStatistics Fleet, double RequestsPerSecond, double TokensPerSecond,
    long CostTodayMicros, IReadOnlyList<ModelReportRow> Models, IReadOnlyList<AgentReportRow> Agents);

/// <summary>Recent traffic from the minute roll-ups, for WatchMetrics and the dashboard.</summary>
public sealed class LiveSnapshots(RollupSource source, RollupReader reader)
{
    public async Task<LiveSnapshot> TakeAsync(SnapshotRequest request, CancellationToken cancellationToken)
    {
        if (request.Lookback < SnapshotRequest.MinLookback || request.Lookback > SnapshotRequest.MaxLookback)
            throw new ReportArgumentException("lookback must be between 10 s and 1 h");

        var now = source.UtcNow;
        var window = new TimeWindow(Grain.Minute.Floor(now - request.Lookback), now);
        var span = window.Length;

        var modelRows = source.ReadAsync(RollupCube.Models, window, RollupFilter.None, histograms: true, cancellationToken);
        var agentRows = request.IncludeAgents
            ? source.ReadAsync(RollupCube.Agents, window, RollupFilter.None, histograms: true, cancellationToken)
            : Task.FromResult(new List<RollupRow>());
        var today = Grain.Day.Floor(now);
        var todayRows = reader.ReadAsync(RollupCube.Models, [new BucketSegment(Grain.Day, today, today.AddDays(1))],
            RollupFilter.None, histograms: false, cancellationToken);

        var fleet = RollupSource.Sum(await modelRows);
        var models = RollupSource.SumBy(await modelRows, key => (key.Model, key.Provider))
            .Where(pair => request.Models.Count == 0 || request.Models.Contains(pair.Key.Model))
            .Select(pair => new ModelReportRow(pair.Key.Model, pair.Key.Provider, CallStatistics.From(pair.Value)))
            .OrderByDescending(row => row.Statistics.RequestCount)
            .ThenBy(row => row.Model, StringComparer.Ordinal)
            .ToList();
        var agents = (await agentRows).GroupBy(row => row.Key.AgentId, StringComparer.Ordinal)
            .Select(group =>
            {
                var latest = group.MaxBy(row => row.Key.BucketStart)!.Key;
                var statistics = CallStatistics.From(RollupSource.Sum(group));
                return new AgentReportRow(group.Key, latest.Team, latest.Tier, statistics,
                    CallStatistics.Percent(statistics.CostMicros, fleet.CostMicros));
            })
            .OrderByDescending(row => row.Statistics.CostMicros)
            .ThenBy(row => row.AgentId, StringComparer.Ordinal)
            .ToList();

        var seconds = Math.Max(span.TotalSeconds, 1);
        return new LiveSnapshot(now, span, CallStatistics.From(fleet), fleet.RequestCount / seconds,
            (fleet.InputTokens + fleet.OutputTokens) / seconds, (await todayRows).Sum(row => row.Tally.CostMicros), models, agents);
    }
}
