using Platform.Metrics.Storage;
using Platform.Metrics.V1;

namespace Platform.Metrics.Reports;

public sealed record SpendReportRequest(
    TimeWindow Window, Granularity Granularity, IReadOnlyList<BaselineModelPrice> BaselinePrices, string TimeZone,
    string AgentId, string Team, string Model);

public sealed record SpendTotals(
    DateTime Start, DateTime End, long RequestCount, long InputTokens, long OutputTokens, long CostMicros, long BaselineCostMicros)
{
    public long SavingsMicros => BaselineCostMicros - CostMicros;

    public double SavingsPercent => BaselineCostMicros == 0 ? 0 : SavingsMicros * 100.0 / BaselineCostMicros;
}

public sealed record SpendReport(IReadOnlyList<SpendTotals> Buckets, SpendTotals Total, Granularity Granularity, IReadOnlyList<BaselineModelPrice> BaselinePrices);

/// <summary>
/// Spend per calendar bucket with savings against baseline prices. The baseline cost of a bucket is
/// computed per model from that bucket's summed tokens, rounded up once per model and bucket; totals
/// are the sums of the buckets.
/// </summary>
public sealed class SpendReports(RollupSource source, Microsoft.Extensions.Options.IOptions<ReportOptions> options)
{
    public async Task<SpendReport> GetAsync(SpendReportRequest request, CancellationToken cancellationToken)
    {
        var baseline = new Baseline(request.BaselinePrices.Count > 0 ? request.BaselinePrices : options.Value.EffectiveBaselinePrices);
        var zone = SpendBuckets.FindZone(request.TimeZone);
        var granularity = SpendBuckets.Choose(request.Granularity, request.Window);
        var boundaries = SpendBuckets.Boundaries(request.Window, granularity, zone);

        // Day rows can only be used when UTC days are the report's days (or fall wholly in its months).
        var coarsest = granularity != Granularity.Hour && SpendBuckets.AlignsWithUtcDays(zone) ? Grain.Day : Grain.Hour;
        var byAgent = request.AgentId.Length > 0 || request.Team.Length > 0;
        var filter = new RollupFilter
        {
            AgentIds = request.AgentId.Length > 0 ? [request.AgentId] : null,
            Team = request.Team.Length > 0 ? request.Team : null,
            Models = request.Model.Length > 0 ? [request.Model] : null,
        };
        var rows = await source.ReadAsync(byAgent ? RollupCube.AgentModels : RollupCube.Models, request.Window, filter,
            histograms: false, cancellationToken, coarsest);

        var bucketCount = boundaries.Count - 1;
        var perBucketModel = RollupSource.SumBy(rows, key => (Bucket: BucketOf(boundaries, key.BucketStart), key.Model));
        var buckets = Enumerable.Range(0, bucketCount).Select(i => new SpendAccumulator(boundaries[i], boundaries[i + 1])).ToArray();
        foreach (var ((bucket, model), tally) in perBucketModel)
            buckets[bucket].Add(model, tally, baseline);

        var results = buckets.Select(b => b.ToTotals()).ToList();
        var total = new SpendTotals(request.Window.Start, request.Window.End,
            results.Sum(b => b.RequestCount), results.Sum(b => b.InputTokens), results.Sum(b => b.OutputTokens),
            results.Sum(b => b.CostMicros), results.Sum(b => b.BaselineCostMicros));
        return new SpendReport(results, total, granularity, baseline.Prices);
    }

    // Rows are assigned by their start; a row starting before the window (rounded edge) goes to the first bucket.
    private static int BucketOf(List<DateTime> boundaries, DateTime rowStart)
    {
        var index = boundaries.BinarySearch(rowStart);
        var bucket = index >= 0 ? index : ~index - 1;
        return Math.Clamp(bucket, 0, boundaries.Count - 2);
    }

    private sealed class SpendAccumulator(DateTime start, DateTime end)
    {
        private long _requests, _input, _output, _cost, _baseline;

        public void Add(string model, CallTally tally, Baseline baseline)
        {
            _requests += tally.RequestCount;
            _input += tally.InputTokens;
            _output += tally.OutputTokens;
            _cost += tally.CostMicros;
            _baseline += baseline.CostOf(model, tally.InputTokens, tally.OutputTokens, tally.CostMicros);
        }

        public SpendTotals ToTotals() => new(start, end, _requests, _input, _output, _cost, _baseline);
    }
}
