using System.Diagnostics.Metrics;
using Platform.Prometheus;

namespace Prometheus.Tests;

/// <summary>
/// A meter with a name no other test uses, and an exporter that listens to it alone, so tests
/// running in parallel never see each other's measurements.
/// </summary>
internal sealed class IsolatedMeter : IDisposable
{
    public IsolatedMeter(int maxSeriesPerInstrument = 2000)
    {
        Name = $"Tests.{Guid.NewGuid():N}";
        Meter = new Meter(Name);
        var options = new PrometheusExporterOptions { MaxSeriesPerInstrument = maxSeriesPerInstrument };
        options.MeterPrefixes.Add(Name);
        Exporter = new PrometheusExporter(options);
    }

    public string Name { get; }

    public Meter Meter { get; }

    public PrometheusExporter Exporter { get; }

    public void Dispose()
    {
        Exporter.Dispose();
        Meter.Dispose();
    }
}
