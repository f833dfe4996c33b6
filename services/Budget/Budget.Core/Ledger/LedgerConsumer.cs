using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Budget.Hosting;
using Platform.Budget.Streams;
using Platform.Redis;

namespace Platform.Budget.Ledger;

/// <summary>
/// Moves ledger entries from the fleet's Redis stream into PostgreSQL: one consumer per replica in
/// the "ledger" group, batches written in one transaction each, acknowledged only after the
/// transaction committed. While PostgreSQL is down the batch is retried with backoff and nothing is
/// acknowledged, so the stream keeps every entry; a dead replica's unacknowledged entries are
/// claimed by the others. Acknowledged entries are trimmed from the stream.
/// </summary>
public sealed class LedgerConsumer(IRedisDatabase redis, BudgetSettings settings, LedgerWriter writer, ILogger<LedgerConsumer> logger)
    : BackgroundService
{
    public const string Group = "ledger";
    private static readonly TimeSpan TrimInterval = TimeSpan.FromSeconds(5);

    private readonly LedgerOptions _options = settings.Options.Ledger;

    /// <summary>Entries written to PostgreSQL and acknowledged by this replica (for tests and metrics).</summary>
    public long Written => Interlocked.Read(ref _written);

    private long _written;

    public StreamGroupReader CreateReader() => new(redis, settings.Keys.Ledger, Group, ConsumerName(_options), _options.ClaimIdleTime, "0");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = CreateReader();
        var retryDelay = TimeSpan.FromMilliseconds(200);
        var nextTrim = DateTime.UtcNow + TrimInterval;
        var groupReady = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!groupReady)
                {
                    await reader.EnsureGroupAsync(stoppingToken);
                    groupReady = true;
                }

                var batch = await reader.NextAsync(_options.BatchSize, stoppingToken);
                if (batch.Length > 0)
                {
                    await WriteUntilDurableAsync(batch, stoppingToken);
                    await reader.AcknowledgeAsync(batch, stoppingToken);
                    Interlocked.Add(ref _written, batch.Length);
                }

                if (DateTime.UtcNow >= nextTrim)
                {
                    nextTrim = DateTime.UtcNow + TrimInterval;
                    await reader.TrimAcknowledgedAsync(stoppingToken);
                }

                retryDelay = TimeSpan.FromMilliseconds(200);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // Redis unavailable (or an acknowledgement failed): whatever was read stays pending
                // and is read again first.
                logger.LogWarning(exception, "Ledger consumer: Redis step failed; retrying in {Delay}", retryDelay);
                reader.Rewind();
                groupReady = false; // after a Redis restart without data the group must be created again (NOGROUP)
                await DelayAsync(retryDelay, stoppingToken);
                retryDelay = Backoff(retryDelay);
            }
        }
    }

    private async Task WriteUntilDurableAsync(StreamEntry[] batch, CancellationToken stoppingToken)
    {
        var entries = batch.Select(LedgerStreamEntry.Parse).ToList();
        var delay = TimeSpan.FromMilliseconds(200);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await writer.WriteAsync(entries, stoppingToken);
                if (attempt > 1)
                {
                    logger.LogInformation("Ledger consumer: PostgreSQL is back; wrote {Count} entries after {Attempts} attempts", entries.Count, attempt);
                }

                return;
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Ledger consumer: writing {Count} entries to PostgreSQL failed (attempt {Attempt}); retrying in {Delay}",
                    entries.Count, attempt, delay);
                await DelayAsync(delay, stoppingToken);
                delay = Backoff(delay);
            }
        }
    }

    private TimeSpan Backoff(TimeSpan delay) => TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, _options.MaxRetryDelay.TotalMilliseconds));

    private static async Task DelayAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, stoppingToken);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static string ConsumerName(LedgerOptions options) =>
        options.ConsumerName ?? $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";
}
