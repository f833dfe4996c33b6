using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Prometheus.Collection;
using Platform.Prometheus.Exposition;

namespace Platform.Prometheus;

/// <summary>
/// Aggregates the process's metrics from the moment it is created and renders them as Prometheus
/// text on demand. One per process is the norm (<c>services.AddPrometheusExporter()</c>).
/// </summary>
public sealed class PrometheusExporter : IDisposable
{
    /// <summary>The content type of the text exposition format 0.0.4.</summary>
    public const string ContentType = PrometheusTextWriter.ContentType;

    private readonly MetricsCollector _collector;

    public PrometheusExporter(PrometheusExporterOptions options, ILogger<PrometheusExporter>? logger = null)
    {
        var log = logger ?? (ILogger)NullLogger.Instance;
        _collector = new MetricsCollector(options, exception =>
            log.LogWarning(exception, "An observable instrument's callback failed during a scrape; its values are missing"));
    }

    /// <summary>Everything measured so far, in the text exposition format.</summary>
    public string Scrape() => _collector.Collect(aggregators => PrometheusTextWriter.Write(MetricFamilies.From(aggregators)));

    public void Dispose() => _collector.Dispose();
}
