using System.Numerics;

namespace Platform.Metrics.Storage;

/// <summary>
/// The fixed log-linear buckets every latency histogram uses, so histograms from any roll-up row add
/// up by index. Values 0-31 ms get a bucket each (exact); above that every power of two is split into
/// 16 equal buckets, so a bucket is at most 1/16 of its lower bound wide. A percentile is reported as
/// the middle of the bucket holding it: within 1/32 (3.125%) of the true value, exact below 32 ms.
/// Values from 2^31 ms (~25 days) up share the last bucket.
/// </summary>
public static class LatencyBuckets
{
    /// <summary>Latencies below this many milliseconds are counted exactly.</summary>
    public const int ExactBelow = 32;

    public const int SubBucketsPerOctave = 16;

    /// <summary>Worst relative error of a reported percentile at or above <see cref="ExactBelow"/>.</summary>
    public const double RelativePrecision = 1.0 / 32;

    private const int FirstOctave = 5; // log2(ExactBelow)
    private const int LastOctave = 30;

    /// <summary>Number of buckets; histograms never grow longer.</summary>
    public const int Count = ExactBelow + (LastOctave - FirstOctave + 1) * SubBucketsPerOctave;

    public static int IndexOf(long milliseconds)
    {
        if (milliseconds < ExactBelow)
            return milliseconds < 0 ? 0 : (int)milliseconds;

        var value = Math.Min(milliseconds, int.MaxValue);
        var octave = BitOperations.Log2((ulong)value);
        var subBucket = (int)(value >> (octave - 4)) & (SubBucketsPerOctave - 1);
        return ExactBelow + (octave - FirstOctave) * SubBucketsPerOctave + subBucket;
    }

    /// <summary>The smallest value counted in bucket <paramref name="index"/>.</summary>
    public static long LowerBound(int index)
    {
        if (index < ExactBelow)
            return index;

        var (octave, subBucket) = Math.DivRem(index - ExactBelow, SubBucketsPerOctave);
        var shift = octave + FirstOctave - 4;
        return (long)(SubBucketsPerOctave + subBucket) << shift;
    }

    /// <summary>How many integer values bucket <paramref name="index"/> holds.</summary>
    public static long Width(int index) =>
        index < ExactBelow ? 1 : 1L << ((index - ExactBelow) / SubBucketsPerOctave + FirstOctave - 4);

    /// <summary>The value reported for a percentile that falls in bucket <paramref name="index"/>.</summary>
    public static double Representative(int index) => LowerBound(index) + (Width(index) - 1) / 2.0;
}
