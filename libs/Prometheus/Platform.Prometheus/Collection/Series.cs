namespace Platform.Prometheus.Collection;

/// <summary>The running aggregate of one instrument for one tag set. Recording is lock-free.</summary>
internal abstract class Series(TagSet tags)
{
    public TagSet Tags { get; } = tags;

    public abstract void Record(double value);

    protected static void Add(ref double location, double value)
    {
        var current = Volatile.Read(ref location);
        while (true)
        {
            var seen = Interlocked.CompareExchange(ref location, current + value, current);
            // Bitwise, as the exchange itself compares: double equality treats 0.0 and -0.0 as one.
            if (BitConverter.DoubleToInt64Bits(seen) == BitConverter.DoubleToInt64Bits(current))
            {
                return;
            }

            current = seen;
        }
    }
}

/// <summary>Counters and up/down counters: the sum of all increments.</summary>
internal sealed class SumSeries(TagSet tags, bool monotonic) : Series(tags)
{
    private double _sum;

    public double Value => Volatile.Read(ref _sum);

    public override void Record(double value)
    {
        // A counter never goes down; a negative or NaN increment is a caller bug we refuse to export.
        if (double.IsNaN(value) || (monotonic && value < 0))
        {
            return;
        }

        Add(ref _sum, value);
    }
}

/// <summary>Gauges and every observable instrument: the last value reported.</summary>
internal sealed class LastValueSeries(TagSet tags) : Series(tags)
{
    private double _value;

    public double Value => Volatile.Read(ref _value);

    public override void Record(double value) => Volatile.Write(ref _value, value);
}
