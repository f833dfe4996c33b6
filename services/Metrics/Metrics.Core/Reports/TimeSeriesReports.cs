using Platform.Metrics.Storage;

namespace Platform.Metrics.Reports;

/// <summary>Per-bucket series for charts. Arrays are indexed like <see cref="Buckets"/>.</summary>
public sealed record TimeSeries(
    Grain Grain,
    IReadOnlyList<DateTime> Buckets,
    long[] Requests,
    double[] ErrorPercent,
    double[] RateLimitedPercent,
    IReadOnlyDictionary<string, long[]> CostByModel,
    IReadOnlyDictionary<string, long[]> CostByAgent,
    IReadOnlyDictionary<string, double[]> P95LatencyByModel);

/// <summary>Spend, latency and failure rates over time, from roll-up rows of one grain.</summary>
public sealed class TimeSeriesReports(RollupReader reader)
{
    /// <summary>Agents beyond this many (by cost in the window) are summed as "other".</summary>
    public const int MaxAgents = 6;
    public const string Other = "(other)";

    public async Task<TimeSeries> GetAsync(TimeWindow window, Grain grain, CancellationToken cancellationToken)
    {
        var first = grain.Floor(window.Start);
        var buckets = new List<DateTime>();
        for (var start = first; start < window.End; start += grain.Length())
            buckets.Add(start);
        if (buckets.Count > 2000)
            throw new ReportArgumentException("too many buckets for a chart");

        BucketSegment[] segments = [new BucketSegment(grain, first, window.End)];
        var modelRows = reader.ReadAsync(RollupCube.Models, segments, RollupFilter.None, histograms: true, cancellationToken);
        var agentRows = reader.ReadAsync(RollupCube.Agents, segments, RollupFilter.None, histograms: false, cancellationToken);

        int IndexOf(DateTime bucketStart) => (int)((bucketStart - first).Ticks / grain.Length().Ticks);

        var fleet = RollupSource.SumBy(await modelRows, key => IndexOf(key.BucketStart));
        var byModel = RollupSource.SumBy(await modelRows, key => (Index: IndexOf(key.BucketStart), key.Model));
        var byAgent = RollupSource.SumBy(await agentRows, key => (Index: IndexOf(key.BucketStart), key.AgentId));

        var requests = new long[buckets.Count];
        var errors = new double[buckets.Count];
        var rateLimited = new double[buckets.Count];
        foreach (var (index, tally) in fleet)
        {
            requests[index] = tally.RequestCount;
            errors[index] = CallStatistics.Percent(tally.ErrorCount + tally.TimeoutCount, tally.RequestCount);
            rateLimited[index] = CallStatistics.Percent(tally.RateLimitedCount, tally.RequestCount);
        }

        var costByModel = new SortedDictionary<string, long[]>(StringComparer.Ordinal);
        var p95ByModel = new SortedDictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var ((index, model), tally) in byModel)
        {
            var name = model.Length == 0 ? "(no model)" : model;
            Series(costByModel, name, buckets.Count)[index] += tally.CostMicros;
            if (tally.OkCount > 0)
                Series(p95ByModel, name, buckets.Count)[index] = tally.Latency.Percentile(95);
        }

        var topAgents = byAgent.GroupBy(pair => pair.Key.AgentId)
            .OrderByDescending(g => g.Sum(pair => pair.Value.CostMicros)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(MaxAgents).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var costByAgent = new SortedDictionary<string, long[]>(StringComparer.Ordinal);
        foreach (var ((index, agent), tally) in byAgent)
            Series(costByAgent, topAgents.Contains(agent) ? agent : Other, buckets.Count)[index] += tally.CostMicros;

        return new TimeSeries(grain, buckets, requests, errors, rateLimited, costByModel, costByAgent, p95ByModel);
    }

    private static T[] Series<T>(SortedDictionary<string, T[]> series, string name, int length)
    {
        if (!series.TryGetValue(name, out var values))
        {
            values = new T[length];
            series.Add(name, values);
        }

        return values;
    }
}
