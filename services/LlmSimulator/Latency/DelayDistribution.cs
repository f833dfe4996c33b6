namespace Platform.LlmSimulator.Latency;

/// <summary>An immutable delay distribution in milliseconds; sampling never allocates.</summary>
public sealed class DelayDistribution
{
    public static readonly DelayDistribution Zero = new(DelayKind.None, 0, 0, 0, double.PositiveInfinity);

    // Lognormal parameters are precomputed from the requested mean/stddev of the delay itself.
    private readonly double _mu;
    private readonly double _sigma;

    public DelayDistribution(DelayKind kind, double mean, double stdDev, double min, double max)
    {
        Kind = kind;
        Mean = mean;
        StdDev = stdDev;
        Min = min;
        Max = max;
        if (kind == DelayKind.LogNormal && mean > 0)
        {
            var variance = stdDev * stdDev;
            _sigma = Math.Sqrt(Math.Log(1 + variance / (mean * mean)));
            _mu = Math.Log(mean) - _sigma * _sigma / 2;
        }
    }

    public DelayKind Kind { get; }

    /// <summary>The fixed value, or the mean of normal/lognormal.</summary>
    public double Mean { get; }

    public double StdDev { get; }

    public double Min { get; }

    public double Max { get; }

    public bool IsZero => Kind == DelayKind.None || (Kind == DelayKind.Fixed && Mean <= 0);

    public static DelayDistribution Fixed(double ms) => ms <= 0 ? Zero : new(DelayKind.Fixed, ms, 0, ms, ms);

    public double SampleMs(Random random) => Kind switch
    {
        DelayKind.Fixed => Mean,
        DelayKind.Uniform => Min + random.NextDouble() * (Max - Min),
        DelayKind.Normal => Clamp(Mean + StdDev * StandardNormal(random)),
        DelayKind.LogNormal => Mean <= 0 ? 0 : Clamp(Math.Exp(_mu + _sigma * StandardNormal(random))),
        _ => 0,
    };

    public TimeSpan Sample(Random random, double scale)
    {
        if (IsZero || scale <= 0)
        {
            return TimeSpan.Zero;
        }
        return TimeSpan.FromMilliseconds(SampleMs(random) * scale);
    }

    private double Clamp(double ms) => Math.Max(Math.Max(Min, 0), Math.Min(Max, ms));

    // Box-Muller; one value per call is plenty for a simulator.
    private static double StandardNormal(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
