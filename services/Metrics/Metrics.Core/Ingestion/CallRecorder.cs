using System.Diagnostics;
using Platform.Metrics.Events;
using Platform.Metrics.Reports;
using Platform.Metrics.Storage;
using Platform.Metrics.Telemetry;
using Platform.Metrics.V1;
using Platform.Postgres.Resilience;

namespace Platform.Metrics.Ingestion;

public sealed record RecordRejection(int Index, string EventId, string Reason);

public sealed record RecordResult(int AcceptedCount, int DuplicateCount, IReadOnlyList<RecordRejection> Rejected);

/// <summary>Thrown when PostgreSQL cannot be reached; nothing was stored, so the caller may retry the same batch.</summary>
public sealed class StorageUnavailableException(string message, Exception inner) : Exception(message, inner);

/// <summary>
/// The Record RPC's path: events from other teams' producers are validated one by one and written
/// directly to PostgreSQL (not via the stream), so the answer can say exactly which were new and which
/// were duplicates, and is given only once they are durable.
/// </summary>
public sealed class CallRecorder(CallEventStore store, CallInstruments callInstruments, IngestionInstruments ingestionInstruments, TimeProvider time)
{
    public const int MaxBatch = 1000;
    private const string Path = "record";

    public async Task<RecordResult> RecordAsync(IReadOnlyList<CallEvent> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0)
            throw new ReportArgumentException("events is empty; send 1-1000 events");
        if (events.Count > MaxBatch)
            throw new ReportArgumentException($"{events.Count} events in one batch; send at most {MaxBatch}");

        var now = time.GetUtcNow().UtcDateTime;
        var rejected = new List<RecordRejection>();
        var calls = new List<CallRecord>(events.Count);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var repeatsInBatch = 0;
        for (var i = 0; i < events.Count; i++)
        {
            var reason = CallEventValidator.Validate(events[i], now);
            if (reason is not null)
                rejected.Add(new RecordRejection(i, events[i].EventId, reason));
            else if (ids.Add(events[i].EventId))
                calls.Add(CallRecordFactory.FromEvent(events[i]));
            else
                repeatsInBatch++;
        }

        var started = Stopwatch.GetTimestamp();
        IReadOnlyList<CallRecord> stored;
        try
        {
            stored = await store.WriteAsync(calls, cancellationToken);
        }
        catch (Exception exception) when (PostgresTransientErrors.IsTransient(exception, idempotent: true))
        {
            ingestionInstruments.WriteFailed(Path);
            throw new StorageUnavailableException("PostgreSQL is unavailable; nothing was recorded, retry the batch", exception);
        }

        var duplicates = calls.Count - stored.Count + repeatsInBatch;
        ingestionInstruments.Stored(Path, stored.Count, duplicates, Stopwatch.GetElapsedTime(started));
        callInstruments.Record(stored);
        return new RecordResult(stored.Count, duplicates, rejected);
    }
}
