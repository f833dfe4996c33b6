using Google.Protobuf;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Budget.V1;
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
        var payload = entry[Events.MetricsStreams.EventField];
        BudgetEvent budgetEvent;
        try
        {
            budgetEvent = BudgetEvent.Parser.ParseFrom(payload.AsMemory().Span);
        }
        catch (InvalidProtocolBufferException exception)
        {
            logger.LogWarning("Skipping budget stream entry {Id}: not a BudgetEvent ({Error})", entry.Id, exception.Message);
            return null;
        }

        if (budgetEvent.Type is not (BudgetEventType.ThresholdWarning or BudgetEventType.LimitReached)
            || budgetEvent.Threshold is not { } threshold || budgetEvent.AgentId.Length == 0 || budgetEvent.EventTime is null)
            return null;

        return new BudgetUtilisation(
            budgetEvent.AgentId, threshold.Window, budgetEvent.Tier, threshold.UtilisationPercent, threshold.ThresholdPercent,
            threshold.Limit, threshold.Consumed, threshold.WindowEndTime?.ToDateTime(), budgetEvent.EventTime.ToDateTime(),
            budgetEvent.EventId);
    }
}
