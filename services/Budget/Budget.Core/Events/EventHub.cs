using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Budget.Hosting;
using Platform.Redis;

namespace Platform.Budget.Events;

/// <summary>
/// This replica's live feed of the fleet's events stream, fanned out to its WatchEvents callers.
/// Each replica reads with its own consumer group ("watch:&lt;replica&gt;", NOACK) so every replica sees
/// every event, blocking on the client's dedicated connection; groups of replicas that stopped
/// heart-beating are destroyed by the others.
/// </summary>
public sealed class EventHub(IRedisDatabase redis, BudgetSettings settings, ILogger<EventHub> logger) : BackgroundService
{
    private const int SubscriberBuffer = 4096;
    private static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan DeadAfter = TimeSpan.FromMinutes(5);

    private readonly string _group = $"watch:{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";
    private readonly ConcurrentDictionary<Guid, Channel<BudgetEvent>> _subscribers = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the hub reads the stream, so events after this point reach new subscribers.</summary>
    public Task Ready => _ready.Task;

    /// <summary>Every event from now on, until the returned subscription is disposed. A subscriber that falls behind is ended.</summary>
    public Subscription Subscribe()
    {
        var channel = Channel.CreateBounded<BudgetEvent>(new BoundedChannelOptions(SubscriberBuffer) { SingleReader = true, SingleWriter = true });
        var id = Guid.NewGuid();
        _subscribers[id] = channel;
        return new Subscription(channel.Reader, () => _subscribers.TryRemove(id, out _));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextHeartbeat = DateTime.MinValue;
        var joined = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!joined)
                {
                    await redis.StreamCreateConsumerGroupAsync(settings.Keys.Events, _group, "$", createStream: true, stoppingToken);
                    joined = true;
                    _ready.TrySetResult();
                }

                if (DateTime.UtcNow >= nextHeartbeat)
                {
                    nextHeartbeat = DateTime.UtcNow + HeartbeatInterval;
                    await HeartbeatAsync(stoppingToken);
                }

                var entries = await redis.StreamReadGroupAsync(settings.Keys.Events, _group, "hub", ">", 500, noAck: true,
                    block: TimeSpan.FromSeconds(1), cancellationToken: stoppingToken);
                foreach (var entry in entries)
                {
                    Publish(BudgetEventStreamEntry.Parse(entry));
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                // NOGROUP after a Redis restart: join again.
                logger.LogWarning(exception, "Event hub: reading the events stream failed; retrying");
                joined = false;
                await Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None);
            }
        }

        foreach (var channel in _subscribers.Values)
        {
            channel.Writer.TryComplete();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await redis.ExecuteAsync("XGROUP", ["DESTROY", settings.Keys.Events.ToString(), _group], cancellationToken);
            await redis.HashDeleteAsync(settings.Keys.Watchers, _group, cancellationToken);
        }
        catch (Exception exception)
        {
            logger.LogDebug(exception, "Event hub: could not remove group {Group} on shutdown; another replica will", _group);
        }
    }

    private void Publish(BudgetEvent budgetEvent)
    {
        foreach (var (id, channel) in _subscribers)
        {
            if (!channel.Writer.TryWrite(budgetEvent))
            {
                channel.Writer.TryComplete(new SubscriberTooSlowException());
                _subscribers.TryRemove(id, out _);
            }
        }
    }

    private async Task HeartbeatAsync(CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await redis.HashSetAsync(settings.Keys.Watchers, _group, now, cancellationToken);
        foreach (var watcher in await redis.HashGetAllAsync(settings.Keys.Watchers, cancellationToken))
        {
            if (now - (long)watcher.Value > DeadAfter.TotalMilliseconds)
            {
                await redis.ExecuteAsync("XGROUP", ["DESTROY", settings.Keys.Events.ToString(), watcher.Name], cancellationToken);
                await redis.HashDeleteAsync(settings.Keys.Watchers, watcher.Name, cancellationToken);
            }
        }
    }

    /// <summary>A watcher's live events; dispose to stop receiving.</summary>
    public sealed class Subscription(ChannelReader<BudgetEvent> reader, Action unsubscribe) : IDisposable
    {
        public ChannelReader<BudgetEvent> Reader { get; } = reader;

        public void Dispose() => unsubscribe();
    }
}
