namespace Platform.Metrics.Storage;

/// <summary>
/// Counts per <see cref="LatencyBuckets"/> bucket. Stored as a PostgreSQL <c>bigint[]</c> trimmed after
/// the last non-empty bucket (latencies cluster, so most arrays are short).
/// </summary>
public sealed class Histogram
{
    private long[] _counts = [];
    private int _length;

    public long TotalCount { get; private set; }

    public bool IsEmpty => TotalCount == 0;

    public void Add(long milliseconds)
    {
        var index = LatencyBuckets.IndexOf(milliseconds);
        EnsureLength(index + 1);
        _counts[index]++;
        TotalCount++;
    }

    public void Add(IReadOnlyList<long> counts)
    {
        EnsureLength(Math.Min(counts.Count, LatencyBuckets.Count));
        for (var i = 0; i < counts.Count; i++)
        {
            // Anything beyond the known buckets (never written by this version) is folded into the last one.
            var index = Math.Min(i, LatencyBuckets.Count - 1);
            _counts[index] += counts[i];
            TotalCount += counts[i];
        }
    }

    public void Add(Histogram other) => Add(other.ToArray());

    /// <summary>Counts up to the last non-empty bucket.</summary>
    public long[] ToArray()
    {
        var length = _length;
        while (length > 0 && _counts[length - 1] == 0)
            length--;
        return _counts.AsSpan(0, length).ToArray();
    }

    /// <summary>
    /// Nearest-rank percentile (the smallest recorded value with at least <paramref name="percent"/>% of
    /// the values at or below it), reported as its bucket's representative; 0 when empty.
    /// </summary>
    public double Percentile(double percent)
    {
        if (TotalCount == 0)
            return 0;

        // percent * count first: exact for whole percents, so 95% of 20 is rank 19, not 20.
        var rank = Math.Max(1, (long)Math.Ceiling(percent * TotalCount / 100.0));
        long seen = 0;
        for (var i = 0; i < _length; i++)
        {
            seen += _counts[i];
            if (seen >= rank)
                return LatencyBuckets.Representative(i);
        }

        return LatencyBuckets.Representative(_length - 1);
    }

    private void EnsureLength(int length)
    {
        if (length <= _length)
            return;
        if (length > _counts.Length)
            Array.Resize(ref _counts, Math.Max(length, Math.Min(LatencyBuckets.Count, _counts.Length * 2 + 16)));
        _length = length;
    }
}
