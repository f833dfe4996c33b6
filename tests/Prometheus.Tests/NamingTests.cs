using Platform.Prometheus.Collection;
using Platform.Prometheus.Exposition;

namespace Prometheus.Tests;

/// <summary>OpenTelemetry's instrument-to-Prometheus naming rules.</summary>
public sealed class NamingTests
{
    [Theory]
    [InlineData("http.server.request.duration", "s", "Histogram", "http_server_request_duration_seconds")]
    [InlineData("process.cpu.time", "s", "ObservableCounter", "process_cpu_time_seconds_total")]
    [InlineData("dotnet.gc.collections", "{collection}", "ObservableCounter", "dotnet_gc_collections_total")]
    [InlineData("platform.requests.total", "{request}", "Counter", "platform_requests_total")]
    [InlineData("platform.budget.utilization", "1", "ObservableGauge", "platform_budget_utilization_ratio")]
    [InlineData("platform.tokens", "1", "Counter", "platform_tokens_total")]
    [InlineData("platform.transfer", "By/s", "Gauge", "platform_transfer_bytes_per_second")]
    [InlineData("platform.packets", "{packet}/s", "Gauge", "platform_packets_per_second")]
    [InlineData("platform.heap", "MiBy", "UpDownCounter", "platform_heap_mebibytes")]
    [InlineData("platform.latency_milliseconds", "ms", "Histogram", "platform_latency_milliseconds")]
    [InlineData("platform.spend", "USD", "Counter", "platform_spend_USD_total")]
    [InlineData("platform.idle", null, "Gauge", "platform_idle")]
    [InlineData("my-app/queue depth!", null, "Gauge", "my_app_queue_depth_")]
    [InlineData("2xx.responses", null, "Counter", "_2xx_responses_total")]
    public void Metric_names_get_units_and_suffixes(string instrument, string? unit, string kind, string expected) =>
        Assert.Equal(expected, PrometheusNaming.MetricName(instrument, unit, Enum.Parse<InstrumentKind>(kind)));

    [Theory]
    [InlineData("http.request.method", "http_request_method")]
    [InlineData("gen_ai.request.model", "gen_ai_request_model")]
    [InlineData("__reserved", "_reserved")]
    [InlineData("9lives", "key_9lives")]
    [InlineData("ünïcode", "_n_code")]
    public void Label_names_are_sanitised(string tag, string expected) =>
        Assert.Equal(expected, PrometheusNaming.LabelName(tag));
}
