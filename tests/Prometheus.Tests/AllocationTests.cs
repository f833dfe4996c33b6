using static Prometheus.Tests.Tags;

namespace Prometheus.Tests;

/// <summary>The hot path: recording into a series that already exists allocates nothing.</summary>
public sealed class AllocationTests
{
    [Fact]
    public void Recording_into_existing_series_allocates_nothing()
    {
        using var meter = new IsolatedMeter();
        var counter = meter.Meter.CreateCounter<long>("platform.hot.calls");
        var histogram = meter.Meter.CreateHistogram<double>("platform.hot.latency", "s");
        var agent = Tag("agent", "order_processing");
        var tier = Tag("tier", "CRITICAL");

        // First calls create the series (and JIT the code paths).
        for (var i = 0; i < 100; i++)
        {
            Record(i);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            Record(i);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);

        void Record(int i)
        {
            counter.Add(1, agent, tier);
            histogram.Record(i * 0.001, tier, agent);
        }
    }
}
