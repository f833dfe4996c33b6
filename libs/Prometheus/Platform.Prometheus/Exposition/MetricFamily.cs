namespace Platform.Prometheus.Exposition;

internal enum MetricType
{
    Counter,
    Gauge,
    Histogram,
}

/// <summary>One <c># TYPE</c> block: every series, from any instrument, that shares a Prometheus name.</summary>
internal sealed class MetricFamily(string name, MetricType type, string help, double[] boundaries)
{
    public string Name { get; } = name;

    public MetricType Type { get; } = type;

    public string Help { get; } = help;

    /// <summary>Histogram bucket upper bounds; every series in the family shares them.</summary>
    public double[] Boundaries { get; } = boundaries;

    /// <summary>By canonical label text, so the same labels from two instruments make one series.</summary>
    public SortedDictionary<string, FamilySample> Samples { get; } = new(StringComparer.Ordinal);

    /// <summary>Every sample name the family writes; no other family may write any of them.</summary>
    public IEnumerable<string> SampleNames => Type == MetricType.Histogram
        ? [Name, Name + "_bucket", Name + "_sum", Name + "_count"]
        : [Name];

    public FamilySample SampleFor(string labels)
    {
        if (!Samples.TryGetValue(labels, out var sample))
        {
            Samples[labels] = sample = new FamilySample(Type == MetricType.Histogram ? Boundaries.Length + 1 : 0);
        }

        return sample;
    }
}

/// <summary>A series' value at scrape time; histograms use the per-bucket counts and the sum.</summary>
internal sealed class FamilySample(int bucketSlots)
{
    public double Value { get; set; }

    public long[] BucketCounts { get; } = new long[bucketSlots];

    public double Sum { get; set; }
}
