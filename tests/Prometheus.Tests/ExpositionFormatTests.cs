using System.Diagnostics.Metrics;
using Prometheus.Tests.Validation;
using static Prometheus.Tests.Tags;

namespace Prometheus.Tests;

/// <summary>Every instrument kind, many tag sets and awkward text, checked by two parsers.</summary>
public sealed class ExpositionFormatTests
{
    [Fact]
    public async Task Every_instrument_kind_renders_as_a_valid_family()
    {
        using var meter = new IsolatedMeter();
        var requests = meter.Meter.CreateCounter<long>("platform.requests", "{request}", "Requests handled.");
        var inFlight = meter.Meter.CreateUpDownCounter<int>("platform.in_flight", "{request}", "Requests in progress.");
        var temperature = meter.Meter.CreateGauge<double>("platform.temperature", "Cel", "Last temperature read.");
        var duration = meter.Meter.CreateHistogram<double>("platform.duration", "s", "Time per request.");
        meter.Meter.CreateObservableCounter("platform.cpu.time", () => new Measurement<double>(12.5, Tag("cpu.mode", "user")), "s", "CPU time used.");
        meter.Meter.CreateObservableGauge("platform.utilization", () => 0.75, "1", "Share of the budget used.");
        meter.Meter.CreateObservableUpDownCounter("platform.connections", () => 3L, "{connection}", "Open connections.");

        requests.Add(2, Tag("method", "GET"), Tag("route", "/a"));
        requests.Add(3, Tag("route", "/a"), Tag("method", "GET"));
        requests.Add(1, Tag("method", "POST"), Tag("route", "/b"));
        inFlight.Add(5);
        inFlight.Add(-2);
        temperature.Record(21.5, Tag("room", "lab"));
        temperature.Record(22.25, Tag("room", "lab"));
        duration.Record(0.003, Tag("method", "GET"));
        duration.Record(0.2, Tag("method", "GET"));
        duration.Record(42, Tag("method", "GET"));

        var exposition = await ExpositionAssert.IsValidAsync(meter.Exporter.Scrape());

        var counter = exposition.Family("platform_requests_total");
        Assert.Equal(("counter", "Requests handled."), (counter.Type, counter.Help));
        Assert.Equal(5, counter.Sample("platform_requests_total", ("method", "GET"), ("route", "/a")).Value);
        Assert.Equal(1, counter.Sample("platform_requests_total", ("method", "POST"), ("route", "/b")).Value);

        Assert.Equal(3, exposition.Family("platform_in_flight").Sample("platform_in_flight").Value);
        Assert.Equal("gauge", exposition.Family("platform_in_flight").Type);
        Assert.Equal(22.25, exposition.Family("platform_temperature_celsius").Sample("platform_temperature_celsius", ("room", "lab")).Value);
        Assert.Equal(12.5, exposition.Family("platform_cpu_time_seconds_total").Sample("platform_cpu_time_seconds_total", ("cpu_mode", "user")).Value);
        Assert.Equal(0.75, exposition.Family("platform_utilization_ratio").Sample("platform_utilization_ratio").Value);
        Assert.Equal(3, exposition.Family("platform_connections").Sample("platform_connections").Value);

        var histogram = exposition.Family("platform_duration_seconds");
        Assert.Equal("histogram", histogram.Type);
        Assert.Equal(1, histogram.Sample("platform_duration_seconds_bucket", ("method", "GET"), ("le", "0.005")).Value);
        Assert.Equal(2, histogram.Sample("platform_duration_seconds_bucket", ("method", "GET"), ("le", "0.25")).Value);
        Assert.Equal(2, histogram.Sample("platform_duration_seconds_bucket", ("method", "GET"), ("le", "10")).Value);
        Assert.Equal(3, histogram.Sample("platform_duration_seconds_bucket", ("method", "GET"), ("le", "+Inf")).Value);
        Assert.Equal(3, histogram.Sample("platform_duration_seconds_count", ("method", "GET")).Value);
        Assert.Equal(42.203, histogram.Sample("platform_duration_seconds_sum", ("method", "GET")).Value, 9);
    }

    [Fact]
    public async Task Label_values_and_help_text_are_escaped()
    {
        using var meter = new IsolatedMeter();
        var counter = meter.Meter.CreateCounter<long>("platform.escapes", null, "Back\\slash and\nnew line.");
        const string awkward = "C:\\path \"quoted\"\nnext line, {braces} = sign";
        counter.Add(1, Tag("value", awkward), Tag("unicode", "naïve ✓"));

        var text = meter.Exporter.Scrape();
        Assert.Contains(@"# HELP platform_escapes_total Back\\slash and\nnew line.", text);
        Assert.Contains(@"value=""C:\\path \""quoted\""\nnext line, {braces} = sign""", text);

        var exposition = await ExpositionAssert.IsValidAsync(text);
        var family = exposition.Family("platform_escapes_total");
        Assert.Equal("Back\\slash and\nnew line.", family.Help);
        Assert.Equal(awkward, family.Samples.Single().Label("value"));
        Assert.Equal("naïve ✓", family.Samples.Single().Label("unicode"));
    }

    [Fact]
    public async Task Tag_names_and_values_of_any_type_become_valid_labels()
    {
        using var meter = new IsolatedMeter();
        var counter = meter.Meter.CreateCounter<double>("platform.tagged");
        counter.Add(1.5,
            Tag("http.response.status_code", 200), Tag("ok", true), Tag("ratio", 0.25),
            Tag("9lives", "cat"), Tag("empty", ""), Tag("nothing", null), Tag("tier", DayOfWeek.Monday));

        var exposition = await ExpositionAssert.IsValidAsync(meter.Exporter.Scrape());

        var sample = exposition.Family("platform_tagged_total").Samples.Single();
        Assert.Equal(
            ["http_response_status_code=200", "key_9lives=cat", "ok=true", "ratio=0.25", "tier=Monday"],
            sample.Labels.Select(l => $"{l.Name}={l.Value}").Order(StringComparer.Ordinal));
        Assert.Equal(1.5, sample.Value);
    }

    [Fact]
    public async Task Instruments_without_a_description_still_get_help()
    {
        using var meter = new IsolatedMeter();
        meter.Meter.CreateCounter<int>("platform.undocumented").Add(1);

        var exposition = await ExpositionAssert.IsValidAsync(meter.Exporter.Scrape());

        Assert.Equal($"platform.undocumented from meter {meter.Name}", exposition.Family("platform_undocumented_total").Help);
    }

    [Fact]
    public void An_instrument_with_nothing_recorded_is_left_out()
    {
        using var meter = new IsolatedMeter();
        meter.Meter.CreateCounter<int>("platform.idle");

        Assert.Equal("", meter.Exporter.Scrape());
    }
}
