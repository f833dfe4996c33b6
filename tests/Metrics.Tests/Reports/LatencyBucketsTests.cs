using Platform.Metrics.Storage;
using Xunit;

namespace Platform.Metrics.Tests.Reports;

public sealed class LatencyBucketsTests
{
    [Fact]
    public void Every_value_lies_in_its_bucket_and_the_representative_is_within_the_stated_precision()
    {
        var values = Enumerable.Range(0, 40).Select(i => (long)i)
            .Concat(Enumerable.Range(0, 2000).Select(i => (long)Math.Round(Math.Pow(1.0125, i))))
            .Where(v => v < int.MaxValue).Distinct();
        foreach (var value in values)
        {
            var index = LatencyBuckets.IndexOf(value);
            Assert.InRange(index, 0, LatencyBuckets.Count - 1);
            Assert.InRange(value, LatencyBuckets.LowerBound(index), LatencyBuckets.LowerBound(index) + LatencyBuckets.Width(index) - 1);
            var error = Math.Abs(LatencyBuckets.Representative(index) - value);
            Assert.True(value < LatencyBuckets.ExactBelow ? error == 0 : error <= value * LatencyBuckets.RelativePrecision, $"{value}: error {error}");
        }
    }

    [Fact]
    public void Buckets_are_contiguous_and_huge_or_negative_values_are_clamped()
    {
        for (var i = 1; i < LatencyBuckets.Count; i++)
            Assert.Equal(LatencyBuckets.LowerBound(i - 1) + LatencyBuckets.Width(i - 1), LatencyBuckets.LowerBound(i));
        Assert.Equal(0, LatencyBuckets.IndexOf(-5));
        Assert.Equal(LatencyBuckets.Count - 1, LatencyBuckets.IndexOf(long.MaxValue));
    }

    [Fact]
    public void Percentiles_are_nearest_rank()
    {
        var histogram = new Histogram();
        foreach (var value in new long[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20 })
            histogram.Add(value);

        Assert.Equal(10, histogram.Percentile(50));
        Assert.Equal(19, histogram.Percentile(95));
        Assert.Equal(20, histogram.Percentile(99));
        Assert.Equal(0, new Histogram().Percentile(95));
    }
}
