using Google.Protobuf;
using Platform.Metrics.Events;
using Platform.Redis;

namespace Platform.Metrics.Tests.Infrastructure;

/// <summary>Publishes events as a producer would (XADD with one field), many commands in flight at once.</summary>
public static class StreamPublisher
{
    public static async Task PublishAsync(IRedisDatabase redis, string stream, IEnumerable<IMessage> events, int window = 512)
    {
        await PublishPayloadsAsync(redis, stream, events.Select(e => (RedisValue)e.ToByteArray()), window);
    }

    public static async Task PublishPayloadsAsync(IRedisDatabase redis, string stream, IEnumerable<RedisValue> payloads, int window = 512)
    {
        var inFlight = new List<Task>(window);
        foreach (var payload in payloads)
        {
            inFlight.Add(redis.StreamAddAsync(stream, MetricsStreams.EventField, payload).AsTask());
            if (inFlight.Count == window)
            {
                await Task.WhenAll(inFlight);
                inFlight.Clear();
            }
        }

        await Task.WhenAll(inFlight);
    }
}
