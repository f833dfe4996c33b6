using Google.Protobuf;
using Platform.Metrics.Events;
using Platform.Metrics.V1;
using Platform.Redis;

namespace Platform.Metrics.Ingestion;

/// <summary>Stream entries sorted into calls to store and entries that can never be stored.</summary>
internal sealed class DecodedBatch
{
    public List<RedisValue> EntryIds { get; } = [];

    /// <summary>Valid calls, unique by event id (a repeated id in one batch is a duplicate, as across batches).</summary>
    public List<CallRecord> Calls { get; } = [];

    /// <summary>The entry each call came from (for dead-lettering a call the database refuses).</summary>
    public Dictionary<string, StreamEntry> SourceEntries { get; } = new(StringComparer.Ordinal);

    public List<RejectedEntry> Rejected { get; } = [];

    public int DuplicatesInBatch { get; private set; }

    public static DecodedBatch Decode(IEnumerable<StreamEntry> entries, DateTime utcNow)
    {
        var batch = new DecodedBatch();
        foreach (var entry in entries)
        {
            batch.EntryIds.Add(entry.Id);
            if (entry.IsNull)
                continue; // Deleted from the stream while pending: nothing left to store.

            var (call, reason) = DecodeOne(entry, utcNow);
            if (call is null)
                batch.Rejected.Add(new RejectedEntry(entry, reason!));
            else if (batch.SourceEntries.TryAdd(call.EventId, entry))
                batch.Calls.Add(call);
            else
                batch.DuplicatesInBatch++;
        }

        return batch;
    }

    private static (CallRecord? Call, string? Reason) DecodeOne(StreamEntry entry, DateTime utcNow)
    {
        var payload = entry[MetricsStreams.EventField];
        if (payload.IsNull)
            return (null, $"entry has no '{MetricsStreams.EventField}' field");

        CallEvent callEvent;
        try
        {
            callEvent = CallEvent.Parser.ParseFrom(payload.AsMemory().Span);
        }
        catch (InvalidProtocolBufferException exception)
        {
            return (null, $"not a platform.metrics.v1.CallEvent: {exception.Message}");
        }

        var reason = CallEventValidator.Validate(callEvent, utcNow);
        return reason is null ? (CallRecordFactory.FromEvent(callEvent), null) : (null, reason);
    }
}

/// <summary>A stream entry that will never be stored, and why.</summary>
internal sealed record RejectedEntry(StreamEntry Entry, string Reason);
