using System.Diagnostics.Metrics;

namespace Platform.Prometheus.Collection;

/// <summary>Chooses a histogram's bucket boundaries: the instrument's advice, else a default by unit.</summary>
internal static class HistogramBuckets
{
    // Latency in seconds, from 5 ms to 10 s (the buckets .NET advises for its own HTTP duration histograms).
    private static readonly double[] Seconds = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

    private static readonly double[] Milliseconds = Seconds.Select(s => s * 1000).ToArray();

    // Anything else (bytes, tokens, counts): OpenTelemetry's default explicit buckets.
    private static readonly double[] General = [0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000];

    public static double[] For(Instrument instrument)
    {
        var advised = Advised(instrument);
        if (advised is { Length: > 0 })
        {
            return advised.Where(b => !double.IsNaN(b) && !double.IsPositiveInfinity(b)).Distinct().Order().ToArray();
        }

        return instrument.Unit switch
        {
            null or "" or "s" => Seconds,
            "ms" => Milliseconds,
            _ => General,
        };
    }

    private static double[]? Advised(Instrument instrument) => instrument switch
    {
        Instrument<double> i => i.Advice?.HistogramBucketBoundaries?.ToArray(),
        Instrument<float> i => i.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToArray(),
        Instrument<long> i => i.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToArray(),
        Instrument<int> i => i.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToArray(),
        Instrument<short> i => i.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToArray(),
        Instrument<byte> i => i.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToArray(),
        Instrument<decimal> i => i.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToArray(),
        _ => null,
    };
}
