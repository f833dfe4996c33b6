using System.Diagnostics.Metrics;

namespace Platform.Metrics.Telemetry;

/// <summary>How the ingestion pipeline itself is doing.</summary>
public sealed class IngestionInstruments
{
    private readonly Counter<long> _stored;
    private readonly Counter<long> _duplicates;
    private readonly Counter<long> _deadLettered;
    private readonly Counter<long> _writeFailures;
    private readonly Histogram<double> _batchDuration;

    public IngestionInstruments(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MetricLabels.MeterName);
        _stored = meter.CreateCounter<long>("platform.metrics.events_stored", "{event}",
            "Call events stored in PostgreSQL by this replica, by path (stream, record).");
        _duplicates = meter.CreateCounter<long>("platform.metrics.events_duplicate", "{event}",
            "Call events whose id was already stored (redeliveries, producer retries).");
        _deadLettered = meter.CreateCounter<long>("platform.metrics.events_dead_lettered", "{event}",
            "Stream entries that could not be stored and were moved to the dead-letter stream.");
        _writeFailures = meter.CreateCounter<long>("platform.metrics.write_failures", "{failure}",
            "Failed batch writes (each is retried; a steady rise means PostgreSQL is unavailable).");
        _batchDuration = meter.CreateHistogram<double>("platform.metrics.batch_write_duration", "s",
            "Time to store one batch in PostgreSQL (one transaction).");
    }

    public void Stored(string path, int stored, int duplicates, TimeSpan duration)
    {
        var tag = new KeyValuePair<string, object?>("path", path);
        _stored.Add(stored, tag);
        if (duplicates > 0)
            _duplicates.Add(duplicates, tag);
        _batchDuration.Record(duration.TotalSeconds, tag);
    }

    public void DeadLettered(int count) => _deadLettered.Add(count);

    public void WriteFailed(string path) => _writeFailures.Add(1, new KeyValuePair<string, object?>("path", path));
}
