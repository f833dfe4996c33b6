using System.Threading.Channels;
using Google.Protobuf;
using Platform.Redis;
using Platform.Routing.Hosting;

namespace Platform.Routing.Events;

/// <summary>
/// Publishes call events to the metrics stream (<c>metrics:calls</c>, one field <c>event</c> = CallEvent
/// protobuf bytes, XADD MAXLEN ~ cap) in the background: callers never wait for it. Batches are written
/// concurrently so they pipeline on the shared connection; a failed batch is retried once, then dropped
/// (counted), since metrics must not hold up completions.
/// </summary>
public sealed partial class RedisCallEventPublisher(IRedisDatabase redis, RoutingOptions options, ILogger<RedisCallEventPublisher> logger)
    : BackgroundService, ICallEventSink
{
    private const int QueueCapacity = 100_000;
    private readonly Channel<CallRecord> _queue = Channel.CreateBounded<CallRecord>(new BoundedChannelOptions(QueueCapacity)
    {
        FullMode = BoundedChannelFullMode.DropOldest,
        SingleReader = true,
    });
    private long _published;
    private long _dropped;
    private long _queued;

    public long Published => Interlocked.Read(ref _published);

    public long Dropped => Interlocked.Read(ref _dropped);

    public void Publish(CallRecord record)
    {
        Interlocked.Increment(ref _queued);
        _queue.Writer.TryWrite(record);
    }

    /// <summary>Waits until everything published so far reached Redis (tests and shutdown).</summary>
    public async Task FlushAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Published + Dropped < Interlocked.Read(ref _queued) && DateTime.UtcNow < deadline)
            await Task.Delay(20);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<CallRecord>(256);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < 256 && _queue.Reader.TryRead(out var record))
                    batch.Add(record);
                await WriteAsync(batch, stoppingToken);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await FlushAsync(TimeSpan.FromSeconds(5));
        await base.StopAsync(cancellationToken);
    }

    private async Task WriteAsync(List<CallRecord> batch, CancellationToken stoppingToken)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            try
            {
                var writes = new Task[batch.Count];
                for (var i = 0; i < batch.Count; i++)
                {
                    var bytes = CallEventMapper.ToProto(batch[i]).ToByteArray();
                    writes[i] = redis.StreamAddAsync(options.EventStream, "event", bytes, maxLength: options.EventStreamMaxLength,
                        useApproximateMaxLength: true, cancellationToken: stoppingToken).AsTask();
                }
                await Task.WhenAll(writes);
                Interlocked.Add(ref _published, batch.Count);
                return;
            }
            catch (Exception e) when (e is RedisException or TimeoutException && !stoppingToken.IsCancellationRequested)
            {
                if (attempt == 1)
                {
                    Interlocked.Add(ref _dropped, batch.Count);
                    LogDropped(logger, batch.Count, e);
                    return;
                }
                await Task.Delay(200, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped {Count} call events: the metrics stream could not be written")]
    private static partial void LogDropped(ILogger logger, int count, Exception exception);
}
