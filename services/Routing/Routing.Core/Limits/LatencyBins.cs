namespace Platform.Routing.Limits;

/// <summary>
/// Quarter-octave latency bins (bin = ceil(4 * log2(ms + 1))): about 19% wide, 64 bins reach 18 hours,
/// so replicas can add their histograms in Redis and percentiles come out within a bin's width.
/// </summary>
public static class LatencyBins
{
    public static int Bin(double milliseconds) => milliseconds <= 0 ? 0 : (int)Math.Ceiling(4 * Math.Log2(milliseconds + 1));

    /// <summary>A value inside the bin, used as the bin's latency in percentiles.</summary>
    public static double Midpoint(int bin) => bin <= 0 ? 0 : (Upper(bin - 1) + Upper(bin)) / 2;

    private static double Upper(int bin) => Math.Pow(2, bin / 4.0) - 1;

    /// <summary>The <paramref name="quantile"/> (0-1) of a histogram of bin -> count.</summary>
    public static double Percentile(IReadOnlyDictionary<int, long> histogram, double quantile)
    {
        var total = histogram.Values.Sum();
        if (total == 0)
            return 0;
        var rank = Math.Max(1, (long)Math.Ceiling(quantile * total));
        long seen = 0;
        foreach (var (bin, count) in histogram.OrderBy(entry => entry.Key))
        {
            seen += count;
            if (seen >= rank)
                return Midpoint(bin);
        }
        return Midpoint(histogram.Keys.Max());
    }
}
