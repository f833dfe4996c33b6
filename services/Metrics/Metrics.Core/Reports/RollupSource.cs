using Microsoft.Extensions.Options;
using Platform.Metrics.Storage;

namespace Platform.Metrics.Reports;

/// <summary>Reads the roll-up rows that cover a window, and knows what time it is.</summary>
public sealed class RollupSource(RollupReader reader, IOptions<ReportOptions> options, TimeProvider time)
{
    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    public Task<List<RollupRow>> ReadAsync(RollupCube cube, TimeWindow window, RollupFilter filter, bool histograms,
        CancellationToken cancellationToken, Grain coarsest = Grain.Day)
    {
        var now = UtcNow;
        var segments = BucketPlan.Cover(window, now - options.Value.MinuteRetention, coarsest, now);
        return reader.ReadAsync(cube, segments, filter, histograms, cancellationToken);
    }

    /// <summary>Sums rows by a key (in first-seen order).</summary>
    public static Dictionary<TKey, CallTally> SumBy<TKey>(IEnumerable<RollupRow> rows, Func<RollupKey, TKey> key)
        where TKey : notnull
    {
        var sums = new Dictionary<TKey, CallTally>();
        foreach (var row in rows)
        {
            var k = key(row.Key);
            if (!sums.TryGetValue(k, out var sum))
            {
                sum = new CallTally();
                sums.Add(k, sum);
            }

            sum.Add(row.Tally);
        }

        return sums;
    }

    public static CallTally Sum(IEnumerable<RollupRow> rows)
    {
        var total = new CallTally();
        foreach (var row in rows)
            total.Add(row.Tally);
        return total;
    }
}
