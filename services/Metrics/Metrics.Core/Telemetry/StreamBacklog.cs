using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Platform.Metrics.Telemetry;

/// <summary>Entries waiting in each stream for this service (not yet delivered, or delivered and not acknowledged).</summary>
public sealed class StreamBacklog
{
    private readonly ConcurrentDictionary<string, long> _backlog = new(StringComparer.Ordinal);

    public StreamBacklog(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MetricLabels.MeterName);
        meter.CreateObservableGauge("platform.metrics.stream_backlog", Observe, "{entry}",
            "Stream entries not yet stored and acknowledged by the metrics consumer group.");
    }

    public void Set(string stream, long entries) => _backlog[stream] = entries;

    private IEnumerable<Measurement<long>> Observe() =>
        _backlog.Select(pair => new Measurement<long>(pair.Value, new KeyValuePair<string, object?>("stream", pair.Key)));
}
