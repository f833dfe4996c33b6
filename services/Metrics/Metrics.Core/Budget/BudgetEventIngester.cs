using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Metrics.Ingestion;
using Platform.Postgres.Resilience;
using Platform.Redis;

namespace Platform.Metrics.Budget;

/// <summary>
/// Turns the budget service's threshold events into utilisation readings. Other budget event types are
/// acknowledged and ignored (denials are counted from call events with status BUDGET_DENIED).
/// </summary>
internal sealed class BudgetEventIngester(
    IRedisDatabase redis,
    BudgetUtilisationStore store,
    IOptions<IngestionOptions> options,
    ILogger<BudgetEventIngester> logger)
{
    private readonly IngestionOptions _options = options.Value;

    public async Task IngestAsync(IReadOnlyList<StreamEntry> entries, CancellationToken stoppingToken)
    {
        var readings = new List<BudgetUtilisation>();
        foreach (var entry in entries)
        {
            if (!entry.IsNull && Decode(entry) is { } reading)
                readings.Add(reading);
        }

        var delay = new RetryDelay(_options.MaxRetryDelay);
        while (true)
        {
            try
            {
                await store.UpsertAsync(readings, CancellationToken.None);
                break;
            }
            catch (Exception exception) when (PostgresTransientErrors.IsTransient(exception, idempotent: true))
            {
                logger.LogWarning("Storing budget utilisation failed ({Error}); retrying", exception.Message);
                await delay.WaitAsync(stoppingToken);
            }
        }

        var ids = entries.Select(e => e.Id).ToArray();
        while (true)
        {
            try
            {
                await redis.StreamAcknowledgeAsync(_options.BudgetStream, _options.ConsumerGroup, ids);
                return;
            }
            catch (Exception exception) when (exception is RedisException or TimeoutException)
            {
                await delay.WaitAsync(stoppingToken);
            }
        }
    }

    private BudgetUtilisation? Decode(StreamEntry entry)
    {
        try
        {
            return BudgetStreamEntryDecoder.Decode(entry);
        }
        catch (FormatException exception)
        {
            logger.LogWarning("Skipping budget stream entry {Id}: {Error}", entry.Id, exception.Message);
            return null;
        }
    }
}
