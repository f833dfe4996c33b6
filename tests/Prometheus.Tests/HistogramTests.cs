using System.Diagnostics.Metrics;
using Prometheus.Tests.Validation;
using static Prometheus.Tests.Tags;

namespace Prometheus.Tests;

public sealed class HistogramTests
{
    [Fact]
    public async Task Advised_boundaries_are_used_and_a_value_on_a_boundary_counts_in_that_bucket()
    {
        using var meter = new IsolatedMeter();
        var tokens = meter.Meter.CreateHistogram<int>("platform.tokens", "{token}", "Tokens per call.",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [100, 1000, 10000] });
        foreach (var value in new[] { 5, 100, 101, 1000, 50000 })
        {
            tokens.Record(value, Tag("model", "gpt-4.1"));
        }

        var family = (await ExpositionAssert.IsValidAsync(meter.Exporter.Scrape())).Family("platform_tokens");

        Assert.Equal(
            ["100=2", "1000=4", "10000=4", "+Inf=5"],
            family.Samples.Where(s => s.Name == "platform_tokens_bucket").Select(s => $"{s.Label("le")}={s.Value}"));
        Assert.Equal(51206, family.Sample("platform_tokens_sum", ("model", "gpt-4.1")).Value);
        Assert.Equal(5, family.Sample("platform_tokens_count", ("model", "gpt-4.1")).Value);
    }

    [Theory]
    [InlineData("s", "0.005", "10")]
    [InlineData("ms", "5", "10000")]
    [InlineData("By", "0", "10000")]
    public async Task Without_advice_the_unit_picks_the_default_buckets(string unit, string first, string last)
    {
        using var meter = new IsolatedMeter();
        meter.Meter.CreateHistogram<double>("platform.measured", unit).Record(1);

        var exposition = await ExpositionAssert.IsValidAsync(meter.Exporter.Scrape());

        var bounds = exposition.Families.Single().Samples.Where(s => s.Name.EndsWith("_bucket")).Select(s => s.Label("le")).ToList();
        Assert.Equal([first, last, "+Inf"], [bounds[0], bounds[^2], bounds[^1]]);
    }

    [Fact]
    public async Task Each_tag_set_has_its_own_cumulative_buckets_in_one_family()
    {
        using var meter = new IsolatedMeter();
        var duration = meter.Meter.CreateHistogram<double>("platform.step.duration", "s");
        for (var i = 0; i < 30; i++)
        {
            duration.Record(i * 0.1, Tag("agent", $"agent-{i % 3}"), Tag("tier", i % 2 == 0 ? "HIGH" : "LOW"));
        }

        var exposition = await ExpositionAssert.IsValidAsync(meter.Exporter.Scrape());

        var family = exposition.Family("platform_step_duration_seconds");
        var counts = family.Samples.Where(s => s.Name.EndsWith("_count")).ToList();
        Assert.Equal(6, counts.Count);
        Assert.Equal(30, counts.Sum(s => s.Value));
    }

    [Fact]
    public async Task A_tag_named_le_does_not_clash_with_the_bucket_label()
    {
        using var meter = new IsolatedMeter();
        meter.Meter.CreateHistogram<double>("platform.odd").Record(0.2, Tag("le", "mine"));

        var exposition = await ExpositionAssert.IsValidAsync(meter.Exporter.Scrape());

        Assert.All(exposition.Families.Single().Samples, s => Assert.Equal("mine", s.Label("exported_le")));
    }
}
