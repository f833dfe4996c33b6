using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Metrics.Telemetry;
using Platform.Redis;

namespace Platform.Metrics.Ingestion;

/// <summary>
/// Keeps the streams bounded: entries every consumer group has acknowledged are trimmed (producers must
/// not trim, or an outage of this service would lose events), and consumers of replicas that are gone
/// are removed once they hold nothing. Also publishes the backlog for /metrics.
/// </summary>
internal sealed class StreamMaintenance(
    IRedisDatabase redis,
    StreamBacklog backlog,
    IOptions<IngestionOptions> options,
    ILogger<StreamMaintenance> logger) : BackgroundService
{
    private readonly IngestionOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(_options.MaintenanceInterval, stoppingToken);
                foreach (var stream in new[] { _options.CallStream, _options.BudgetStream })
                    await MaintainAsync(stream);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task MaintainAsync(string stream)
    {
        try
        {
            var groups = await StreamInfoRecord.ReadAsync(redis, "GROUPS", stream);
            if (groups.Count == 0)
                return;

            var ours = groups.FirstOrDefault(g => g.Text("name") == _options.ConsumerGroup);
            if (ours is not null)
                backlog.Set(stream, ours.Number("lag") + ours.Number("pending"));

            var trimBefore = await OldestNeededIdAsync(stream, groups);
            if (trimBefore is not null)
                await redis.ExecuteAsync("XTRIM", stream, "MINID", "~", trimBefore);

            if (ours is not null)
                await ForgetIdleConsumersAsync(stream);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            logger.LogWarning("Maintenance of {Stream} skipped ({Error})", stream, exception.Message);
        }
    }

    // An entry is still needed if some group has not been delivered it yet or has not acknowledged it.
    private async Task<string?> OldestNeededIdAsync(string stream, IReadOnlyList<StreamInfoRecord> groups)
    {
        StreamId? oldest = null;
        foreach (var group in groups)
        {
            var needed = StreamId.Parse(group.Text("last-delivered-id")).Next();
            if (group.Number("pending") > 0)
            {
                var pending = await redis.StreamPendingAsync(stream, group.Text("name"));
                if (pending.PendingMessageCount > 0)
                    needed = StreamId.Min(needed, StreamId.Parse(pending.LowestPendingMessageId!));
            }

            oldest = oldest is null ? needed : StreamId.Min(oldest.Value, needed);
        }

        return oldest?.ToString();
    }

    private async Task ForgetIdleConsumersAsync(string stream)
    {
        var consumers = await StreamInfoRecord.ReadAsync(redis, "CONSUMERS", stream, _options.ConsumerGroup);
        var idleLimit = (long)_options.ForgetIdleConsumersAfter.TotalMilliseconds;
        foreach (var consumer in consumers)
        {
            // "inactive" (Redis 7.2+) is the time since the last successful read; "idle" since any attempt.
            var idle = consumer.Has("inactive") ? consumer.Number("inactive") : consumer.Number("idle");
            if (consumer.Number("pending") == 0 && idle > idleLimit)
            {
                await redis.ExecuteAsync("XGROUP", "DELCONSUMER", stream, _options.ConsumerGroup, consumer.Text("name"));
                logger.LogInformation("Removed idle consumer {Consumer} from {Stream}", consumer.Text("name"), stream);
            }
        }
    }
}
