using System.Collections.Concurrent;
using System.Threading.Channels;
using Platform.Agents.V1;

namespace Platform.Agents.Events;

/// <summary>
/// In-process delivery of task events to watchers on this replica, right after the events are persisted.
/// It is only a fast path: a watcher that misses events (a full buffer, or the task runs on another
/// replica) reads them from PostgreSQL, which always has them.
/// </summary>
public sealed class TaskEventHub
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<Channel<TaskEvent>, byte>> _watchers = new(StringComparer.Ordinal);

    public Subscription Subscribe(string taskId)
    {
        var channel = Channel.CreateBounded<TaskEvent>(new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        _watchers.GetOrAdd(taskId, _ => new()).TryAdd(channel, 0);
        return new Subscription(this, taskId, channel);
    }

    public void Publish(TaskEvent taskEvent)
    {
        if (!_watchers.TryGetValue(taskEvent.TaskId, out var channels))
            return;
        foreach (var channel in channels.Keys)
            channel.Writer.TryWrite(taskEvent);
    }

    private void Unsubscribe(string taskId, Channel<TaskEvent> channel)
    {
        if (_watchers.TryGetValue(taskId, out var channels) && channels.TryRemove(channel, out _) && channels.IsEmpty)
            _watchers.TryRemove(new KeyValuePair<string, ConcurrentDictionary<Channel<TaskEvent>, byte>>(taskId, channels));
    }

    public sealed class Subscription(TaskEventHub hub, string taskId, Channel<TaskEvent> channel) : IDisposable
    {
        public ChannelReader<TaskEvent> Reader => channel.Reader;

        public void Dispose() => hub.Unsubscribe(taskId, channel);
    }
}
