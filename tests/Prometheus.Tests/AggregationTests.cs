using System.Diagnostics.Metrics;
using Platform.Prometheus;
using Prometheus.Tests.Validation;
using static Prometheus.Tests.Tags;

namespace Prometheus.Tests;

public sealed class AggregationTests
{
    [Fact]
    public async Task Concurrent_recording_loses_nothing()
    {
        using var meter = new IsolatedMeter();
        var calls = meter.Meter.CreateCounter<long>("platform.calls");
        var cost = meter.Meter.CreateCounter<double>("platform.cost", "USD");
        var latency = meter.Meter.CreateHistogram<double>("platform.latency", "s");
        const int Threads = 8, PerThread = 20_000;

        // Scrapes run alongside the writers: collection must not block or corrupt recording.
        using var scraping = new CancellationTokenSource();
        var scraper = Task.Run(() =>
        {
            while (!scraping.IsCancellationRequested)
            {
                _ = meter.Exporter.Scrape();
            }
        });
        await Task.WhenAll(Enumerable.Range(0, Threads).Select(thread => Task.Run(() =>
        {
            for (var i = 0; i < PerThread; i++)
            {
                var agent = Tag("agent", $"agent-{i % 4}");
                calls.Add(1, agent);
                cost.Add(0.25, agent);
                latency.Record((i % 100) / 100.0, agent);
            }
        })));
        scraping.Cancel();
        await scraper;

        var exposition = await ExpositionAssert.IsValidAsync(meter.Exporter.Scrape());

        Assert.Equal(Threads * PerThread, exposition.Family("platform_calls_total").Samples.Sum(s => s.Value));
        Assert.Equal(Threads * PerThread * 0.25, exposition.Family("platform_cost_USD_total").Samples.Sum(s => s.Value));
        Assert.Equal(Threads * PerThread, exposition.Family("platform_latency_seconds").Samples
            .Where(s => s.Name == "platform_latency_seconds_count").Sum(s => s.Value));
    }

    [Fact]
    public async Task Same_named_instruments_from_two_meters_merge_into_one_family()
    {
        // Two hosts in one process each create their own meter with the same name.
        var name = $"Tests.{Guid.NewGuid():N}";
        using var first = new Meter(name);
        using var second = new Meter(name);
        using var exporter = Exporter(name);
        first.CreateCounter<long>("platform.requests").Add(2, Tag("route", "/a"));
        second.CreateCounter<long>("platform.requests").Add(3, Tag("route", "/a"));
        second.CreateCounter<long>("platform.requests").Add(1, Tag("route", "/b"));

        var family = (await ExpositionAssert.IsValidAsync(exporter.Scrape())).Family("platform_requests_total");

        Assert.Equal(5, family.Sample("platform_requests_total", ("route", "/a")).Value);
        Assert.Equal(1, family.Sample("platform_requests_total", ("route", "/b")).Value);
    }

    [Fact]
    public async Task Names_that_would_collide_in_the_exposition_keep_the_scrape_valid()
    {
        using var meter = new IsolatedMeter();
        meter.Meter.CreateCounter<long>("platform.jobs").Add(1);
        meter.Meter.CreateGauge<long>("platform.jobs.total").Record(7);      // also platform_jobs_total, as a gauge
        meter.Meter.CreateHistogram<double>("platform.wait").Record(1);
        meter.Meter.CreateGauge<double>("platform.wait.count").Record(9);    // platform_wait_count, a histogram sample name

        var exposition = await ExpositionAssert.IsValidAsync(meter.Exporter.Scrape());

        Assert.Equal("counter", exposition.Family("platform_jobs_total").Type);
        Assert.Equal("histogram", exposition.Family("platform_wait").Type);
        Assert.False(exposition.HasFamily("platform_wait_count"));
    }

    [Fact]
    public async Task Observable_tag_sets_that_are_no_longer_reported_disappear()
    {
        using var meter = new IsolatedMeter();
        var queues = new Dictionary<string, int> { ["orders"] = 4, ["payments"] = 1 };
        meter.Meter.CreateObservableGauge("platform.queue.depth", () => queues.Select(q => new Measurement<int>(q.Value, Tag("queue", q.Key))));

        var before = (await ExpositionAssert.IsValidAsync(meter.Exporter.Scrape())).Family("platform_queue_depth");
        queues.Remove("payments");
        queues["orders"] = 6;
        var after = (await ExpositionAssert.IsValidAsync(meter.Exporter.Scrape())).Family("platform_queue_depth");

        Assert.Equal(2, before.Samples.Count);
        Assert.Equal(6, after.Samples.Single().Value);
    }

    [Fact]
    public async Task A_failing_observable_callback_costs_only_its_own_values()
    {
        using var meter = new IsolatedMeter();
        meter.Meter.CreateObservableGauge<int>("platform.broken", (Func<int>)(() => throw new InvalidOperationException("boom")));
        meter.Meter.CreateObservableGauge("platform.healthy", () => 1);

        var exposition = await ExpositionAssert.IsValidAsync(meter.Exporter.Scrape());

        Assert.Equal(1, exposition.Family("platform_healthy").Samples.Single().Value);
        Assert.False(exposition.HasFamily("platform_broken"));
    }

    [Fact]
    public async Task Tag_sets_beyond_the_cap_fold_into_an_overflow_series()
    {
        using var meter = new IsolatedMeter(maxSeriesPerInstrument: 10);
        var counter = meter.Meter.CreateCounter<long>("platform.by_user");
        for (var user = 0; user < 25; user++)
        {
            counter.Add(1, Tag("user", $"user-{user}"));
        }

        var family = (await ExpositionAssert.IsValidAsync(meter.Exporter.Scrape())).Family("platform_by_user_total");

        Assert.Equal(11, family.Samples.Count);
        Assert.Equal(15, family.Sample("platform_by_user_total", ("otel_metric_overflow", "true")).Value);
        Assert.Equal(25, family.Samples.Sum(s => s.Value));
    }

    [Fact]
    public void Negative_increments_of_a_counter_are_ignored()
    {
        using var meter = new IsolatedMeter();
        var counter = meter.Meter.CreateCounter<int>("platform.monotonic");
        counter.Add(5);
        counter.Add(-3);

        Assert.Contains("platform_monotonic_total 5\n", meter.Exporter.Scrape());
    }

    [Fact]
    public void A_disposed_meter_leaves_the_exposition()
    {
        using var meter = new IsolatedMeter();
        var transient = new Meter(meter.Name + ".transient");
        transient.CreateCounter<int>("platform.gone").Add(1);
        meter.Meter.CreateCounter<int>("platform.stays").Add(1);
        Assert.Contains("platform_gone_total", meter.Exporter.Scrape());

        transient.Dispose();

        Assert.DoesNotContain("platform_gone_total", meter.Exporter.Scrape());
    }

    private static PrometheusExporter Exporter(string meterPrefix)
    {
        var options = new PrometheusExporterOptions();
        options.MeterPrefixes.Add(meterPrefix);
        return new PrometheusExporter(options);
    }
}
