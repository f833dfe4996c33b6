using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Metrics.V1;

namespace Platform.Metrics.Alerts;

/// <summary>
/// Follows the alert change log (whichever replica wrote it) and fans each change out to this
/// replica's watchers.
/// </summary>
public sealed class AlertFeed(AlertStore store, IOptions<AlertOptions> options, ILogger<AlertFeed> logger) : BackgroundService
{
    private const int WatcherBuffer = 1000;
    private readonly ConcurrentDictionary<Channel<AlertChangeEvent>, byte> _watchers = new();
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Alert changes from now on; with <paramref name="includeFiring"/>, first every alert firing now (as
    /// <see cref="AlertChange.Current"/>). Runs until cancelled.
    /// </summary>
    public async IAsyncEnumerable<AlertChangeEvent> WatchAsync(bool includeFiring, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await _started.Task.WaitAsync(cancellationToken);
        // A watcher that falls 1000 changes behind loses the oldest; alerts change rarely.
        var channel = Channel.CreateBounded<AlertChangeEvent>(new BoundedChannelOptions(WatcherBuffer) { FullMode = BoundedChannelFullMode.DropOldest });
        _watchers.TryAdd(channel, 0);
        try
        {
            long asOf = 0;
            if (includeFiring)
            {
                // Subscribed first, so nothing between this snapshot and the feed is missed; the
                // sequence number drops what the snapshot already shows.
                var (firing, sequence) = await store.ReadFiringAsync(cancellationToken);
                asOf = sequence;
                foreach (var alert in firing)
                    yield return new AlertChangeEvent(sequence, AlertChange.Current, alert);
            }

            await foreach (var change in channel.Reader.ReadAllAsync(cancellationToken))
            {
                if (change.Sequence > asOf)
                    yield return change;
            }
        }
        finally
        {
            _watchers.TryRemove(channel, out _);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var position = await StartingPositionAsync(stoppingToken);
            _started.TrySetResult();
            using var timer = new PeriodicTimer(options.Value.FeedPollInterval);
            while (await timer.WaitForNextTickAsync(stoppingToken))
                position = await PollAsync(position, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    // Watchers see changes from when they start; history is ListAlerts' job.
    private async Task<long> StartingPositionAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                return await store.LatestSequenceAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning("Alert feed cannot start yet ({Error})", exception.Message);
                await Task.Delay(options.Value.FeedPollInterval, stoppingToken);
            }
        }
    }

    private async Task<long> PollAsync(long position, CancellationToken stoppingToken)
    {
        try
        {
            IReadOnlyList<AlertChangeEvent> changes;
            do
            {
                changes = await store.ReadChangesAsync(position, 500, stoppingToken);
                foreach (var change in changes)
                {
                    foreach (var watcher in _watchers.Keys)
                        watcher.Writer.TryWrite(change);
                    position = change.Sequence;
                }
            }
            while (changes.Count == 500);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning("Reading alert changes failed ({Error})", exception.Message);
        }

        return position;
    }
}
