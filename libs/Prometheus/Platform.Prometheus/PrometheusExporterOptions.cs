namespace Platform.Prometheus;

public sealed class PrometheusExporterOptions
{
    /// <summary>
    /// Meter name prefixes to export (a trailing <c>*</c> is allowed and ignored, as in OpenTelemetry's
    /// AddMeter). Empty, the default, exports every meter in the process.
    /// </summary>
    public IList<string> MeterPrefixes { get; } = [];

    /// <summary>
    /// Bounds memory when a tag carries unbounded values (ids, raw URLs): further tag sets of one
    /// instrument fold into a single series labelled <c>otel_metric_overflow="true"</c>.
    /// </summary>
    public int MaxSeriesPerInstrument { get; set; } = 2000;
}
