namespace Platform.Prometheus.Collection;

/// <summary>
/// Per-bucket counts (not cumulative; the exposition accumulates them) and the sum. The count is not
/// kept separately: it is derived from the buckets, so <c>_count</c> always equals the <c>+Inf</c> bucket.
/// </summary>
internal sealed class HistogramSeries(TagSet tags, double[] boundaries) : Series(tags)
{
    // One slot per upper boundary, plus the last for values above every boundary (+Inf).
    private readonly long[] _bucketCounts = new long[boundaries.Length + 1];
    private double _sum;

    public double[] Boundaries { get; } = boundaries;

    public override void Record(double value)
    {
        if (double.IsNaN(value))
        {
            return;
        }

        Interlocked.Increment(ref _bucketCounts[BucketIndex(value)]);
        Add(ref _sum, value);
    }

    /// <summary>Copies the bucket counts into <paramref name="counts"/> (adding to what is there) and returns the sum.</summary>
    public double AddTo(long[] counts)
    {
        for (var i = 0; i < _bucketCounts.Length; i++)
        {
            counts[i] += Volatile.Read(ref _bucketCounts[i]);
        }

        return Volatile.Read(ref _sum);
    }

    // Prometheus buckets are "less than or equal": a value on a boundary belongs to that boundary's bucket.
    private int BucketIndex(double value)
    {
        var index = Array.BinarySearch(Boundaries, value);
        return index >= 0 ? index : ~index;
    }
}
