using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Redis;

namespace Platform.Metrics.Ingestion;

/// <summary>
/// This replica's consumer in a stream's group: first its own unacknowledged entries (left by a previous
/// run under the same name), then new entries on <see cref="ReadLoops"/> concurrent loops, while another
/// loop takes over entries that a dead consumer left pending. <see cref="HandleAsync"/> must make a batch
/// durable and acknowledge it.
/// </summary>
internal abstract class StreamGroupConsumer(
    IRedisDatabase redis,
    IOptions<IngestionOptions> options,
    ILogger logger) : BackgroundService
{
    private readonly IngestionOptions _options = options.Value;

    protected IngestionOptions Options => _options;

    private readonly string _consumer = options.Value.ResolveConsumerName();

    protected abstract string Stream { get; }

    protected virtual int ReadLoops => 1;

    protected virtual int BatchSize => _options.BatchSize;

    protected abstract Task HandleAsync(IReadOnlyList<StreamEntry> entries, CancellationToken stoppingToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            logger.LogInformation("Consuming {Stream} as {Consumer} in group {Group}", Stream, _consumer, _options.ConsumerGroup);
            await EnsureGroupAsync(stoppingToken);
            await DrainOwnPendingAsync(stoppingToken);
            var loops = Enumerable.Range(0, Math.Max(1, ReadLoops))
                .Select(_ => ReadNewEntriesAsync(stoppingToken))
                .Append(ClaimAbandonedEntriesAsync(stoppingToken));
            await Task.WhenAll(loops);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task ReadNewEntriesAsync(CancellationToken stoppingToken)
    {
        var delay = new RetryDelay(_options.MaxRetryDelay);
        while (!stoppingToken.IsCancellationRequested)
        {
            StreamEntry[] entries;
            try
            {
                entries = await redis.StreamReadGroupAsync(Stream, _options.ConsumerGroup, _consumer,
                    ">", BatchSize, block: _options.ReadBlock, cancellationToken: stoppingToken);
                delay.Reset();
            }
            catch (Exception exception) when (IsRedisFailure(exception) && !stoppingToken.IsCancellationRequested)
            {
                await RecoverFromReadFailureAsync(exception, delay, stoppingToken);
                continue;
            }

            if (entries.Length > 0)
                await HandleAsync(entries, stoppingToken);
        }
    }

    private async Task DrainOwnPendingAsync(CancellationToken stoppingToken)
    {
        RedisValue after = "0";
        var delay = new RetryDelay(_options.MaxRetryDelay);
        while (!stoppingToken.IsCancellationRequested)
        {
            StreamEntry[] entries;
            try
            {
                entries = await redis.StreamReadGroupAsync(Stream, _options.ConsumerGroup, _consumer,
                    after, BatchSize, cancellationToken: stoppingToken);
            }
            catch (Exception exception) when (IsRedisFailure(exception) && !stoppingToken.IsCancellationRequested)
            {
                await RecoverFromReadFailureAsync(exception, delay, stoppingToken);
                continue;
            }

            if (entries.Length == 0)
                return;
            logger.LogInformation("Re-processing {Count} entries this consumer left unacknowledged", entries.Length);
            await HandleAsync(entries, stoppingToken);
            after = entries[^1].Id;
        }
    }

    private async Task ClaimAbandonedEntriesAsync(CancellationToken stoppingToken)
    {
        var minIdle = (long)_options.ClaimMinIdle.TotalMilliseconds;
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(_options.ClaimInterval, stoppingToken);
            try
            {
                RedisValue cursor = "0-0";
                do
                {
                    var claim = await redis.StreamAutoClaimAsync(Stream, _options.ConsumerGroup, _consumer,
                        minIdle, cursor, BatchSize, stoppingToken);
                    if (claim.IsNull)
                        break;
                    if (claim.ClaimedEntries.Length > 0)
                    {
                        logger.LogInformation("Took over {Count} entries abandoned by another consumer", claim.ClaimedEntries.Length);
                        await HandleAsync(claim.ClaimedEntries, stoppingToken);
                    }

                    cursor = claim.NextStartId;
                }
                while (cursor != "0-0");
            }
            catch (Exception exception) when (IsRedisFailure(exception) && !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Looking for abandoned entries failed ({Error}); will try again", exception.Message);
            }
        }
    }

    private async Task EnsureGroupAsync(CancellationToken stoppingToken)
    {
        var delay = new RetryDelay(_options.MaxRetryDelay);
        while (true)
        {
            try
            {
                // From the start of the stream: events published before the first replica ever ran count too.
                await redis.StreamCreateConsumerGroupAsync(Stream, _options.ConsumerGroup, "0", createStream: true, stoppingToken);
                return;
            }
            catch (Exception exception) when (IsRedisFailure(exception) && !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Cannot create consumer group {Group} on {Stream} yet ({Error})", _options.ConsumerGroup, Stream, exception.Message);
                await delay.WaitAsync(stoppingToken);
            }
        }
    }

    private async Task RecoverFromReadFailureAsync(Exception exception, RetryDelay delay, CancellationToken stoppingToken)
    {
        logger.LogWarning("Reading {Stream} failed ({Error}); retrying", Stream, exception.Message);
        await delay.WaitAsync(stoppingToken);
        // A Redis that lost its data (restart without persistence) lost the group too.
        if (exception is RedisServerException { Message: var message } && message.StartsWith("NOGROUP", StringComparison.Ordinal))
            await EnsureGroupAsync(stoppingToken);
    }

    private static bool IsRedisFailure(Exception exception) => exception is RedisException or TimeoutException;
}
