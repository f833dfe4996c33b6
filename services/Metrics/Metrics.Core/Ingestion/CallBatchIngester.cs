using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Metrics.Events;
using Platform.Metrics.Storage;
using Platform.Metrics.Telemetry;
using Platform.Postgres.Resilience;
using Platform.Redis;

namespace Platform.Metrics.Ingestion;

/// <summary>
/// Takes one batch of delivered stream entries to durable: stores the calls (retrying through database
/// outages), moves entries that can never be stored to the dead-letter stream, and only then
/// acknowledges every entry. A crash anywhere before the XACK means redelivery, which the store
/// absorbs because it is idempotent by event id.
/// </summary>
internal sealed class CallBatchIngester(
    IRedisDatabase redis,
    CallEventStore store,
    CallInstruments callInstruments,
    IngestionInstruments ingestionInstruments,
    IOptions<IngestionOptions> options,
    ILogger<CallBatchIngester> logger)
{
    private const string Path = "stream";
    private readonly IngestionOptions _options = options.Value;

    public async Task IngestAsync(IReadOnlyList<StreamEntry> entries, CancellationToken stoppingToken)
    {
        var batch = DecodedBatch.Decode(entries, DateTime.UtcNow);

        var started = Stopwatch.GetTimestamp();
        var (stored, refused) = await StoreAsync(batch, stoppingToken);
        // Calls neither stored nor refused were stored before (a redelivery or a producer's retry).
        var duplicates = batch.Calls.Count - stored.Count - refused + batch.DuplicatesInBatch;
        ingestionInstruments.Stored(Path, stored.Count, duplicates, Stopwatch.GetElapsedTime(started));
        callInstruments.Record(stored);

        if (batch.Rejected.Count > 0)
            await DeadLetterAsync(batch.Rejected, stoppingToken);
        await AcknowledgeAsync(batch.EntryIds, stoppingToken);
    }

    // Calls are stored in one transaction; if the database refuses the batch for a reason that is not
    // transient, halve it until the offending calls are alone, and dead-letter just those.
    private async Task<(List<CallRecord> Stored, int Refused)> StoreAsync(DecodedBatch batch, CancellationToken stoppingToken)
    {
        var stored = new List<CallRecord>(batch.Calls.Count);
        var refused = 0;
        var pending = new Stack<List<CallRecord>>();
        pending.Push(batch.Calls);
        while (pending.TryPop(out var part))
        {
            if (part.Count == 0)
                continue;
            try
            {
                stored.AddRange(await WriteUntilDurableAsync(part, stoppingToken));
            }
            catch (Exception exception) when (!PostgresTransientErrors.IsTransient(exception, idempotent: true)
                                              && exception is not OperationCanceledException)
            {
                if (part.Count == 1)
                {
                    logger.LogError(exception, "Call event {EventId} cannot be stored; moving it to {Stream}", part[0].EventId, _options.DeadLetterStream);
                    batch.Rejected.Add(new RejectedEntry(batch.SourceEntries[part[0].EventId], $"PostgreSQL refused it: {exception.Message}"));
                    refused++;
                    continue;
                }

                pending.Push(part[(part.Count / 2)..]);
                pending.Push(part[..(part.Count / 2)]);
            }
        }

        return (stored, refused);
    }

    private async Task<IReadOnlyList<CallRecord>> WriteUntilDurableAsync(List<CallRecord> calls, CancellationToken stoppingToken)
    {
        var delay = new RetryDelay(_options.MaxRetryDelay);
        while (true)
        {
            try
            {
                // Not cancelled by shutdown: a batch half-way through commits or rolls back on its own.
                return await store.WriteAsync(calls, CancellationToken.None);
            }
            catch (Exception exception) when (PostgresTransientErrors.IsTransient(exception, idempotent: true))
            {
                ingestionInstruments.WriteFailed(Path);
                logger.LogWarning("Storing {Count} call events failed ({Error}); retrying", calls.Count, exception.Message);
                await delay.WaitAsync(stoppingToken);
            }
        }
    }

    private async Task DeadLetterAsync(List<RejectedEntry> rejected, CancellationToken stoppingToken)
    {
        await RetryRedisAsync(async () =>
        {
            foreach (var entry in rejected)
            {
                await redis.StreamAddAsync(_options.DeadLetterStream,
                [
                    new NameValueEntry(MetricsStreams.EventField, entry.Entry[MetricsStreams.EventField]),
                    new NameValueEntry("reason", entry.Reason),
                    new NameValueEntry("source_id", entry.Entry.Id),
                ]);
            }
        }, stoppingToken);
        ingestionInstruments.DeadLettered(rejected.Count);
        logger.LogWarning("Moved {Count} unusable call stream entries to {Stream}; first: {Reason}",
            rejected.Count, _options.DeadLetterStream, rejected[0].Reason);
    }

    private Task AcknowledgeAsync(List<RedisValue> ids, CancellationToken stoppingToken) =>
        RetryRedisAsync(async () =>
        {
            await redis.StreamAcknowledgeAsync(_options.CallStream, _options.ConsumerGroup, ids.ToArray());
        }, stoppingToken);

    private async Task RetryRedisAsync(Func<Task> operation, CancellationToken stoppingToken)
    {
        var delay = new RetryDelay(_options.MaxRetryDelay);
        while (true)
        {
            try
            {
                await operation();
                return;
            }
            catch (Exception exception) when (exception is RedisException or TimeoutException)
            {
                logger.LogWarning("Redis call failed ({Error}); retrying", exception.Message);
                await delay.WaitAsync(stoppingToken);
            }
        }
    }
}
