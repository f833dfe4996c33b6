using Microsoft.Extensions.Options;
using Platform.Redis;

namespace Platform.Agents.Queue;

/// <summary>
/// Submitted tasks on Redis streams with one consumer group shared by every replica. An entry stays
/// pending (owned by the replica that read it) until the task finishes, and is then acknowledged and
/// deleted, so stream length is what is waiting plus what is running. A replica keeps its entries fresh
/// while it runs them; entries that go idle for a lease (their replica died) are claimed by another.
/// </summary>
public sealed class TaskQueue(IRedisDatabase redis, IOptions<TaskQueueOptions> options)
{
    private const string TaskField = "task";
    private readonly TaskQueueOptions _options = options.Value;
    private readonly string[] _streams = TierStreams.All(options.Value.StreamPrefix);

    public IReadOnlyList<string> Streams => _streams;

    public async Task EnsureGroupsAsync(CancellationToken cancellationToken)
    {
        foreach (var stream in _streams)
            await redis.StreamCreateConsumerGroupAsync(stream, _options.ConsumerGroup, "0", createStream: true, cancellationToken);
    }

    public async Task<string> EnqueueAsync(string taskId, int tier, CancellationToken cancellationToken) =>
        (string)(await redis.StreamAddAsync(TierStreams.For(_options.StreamPrefix, tier), TaskField, taskId, cancellationToken: cancellationToken))!;

    /// <summary>Entries not yet read by any replica, over all tiers.</summary>
    public async Task<long> WaitingAsync(CancellationToken cancellationToken)
    {
        var lengths = _streams.Select(stream => redis.StreamLengthAsync(stream, cancellationToken).AsTask()).ToArray();
        var pending = _streams.Select(stream => redis.StreamPendingAsync(stream, _options.ConsumerGroup, cancellationToken).AsTask()).ToArray();
        await Task.WhenAll(lengths.Cast<Task>().Concat(pending));
        long waiting = 0;
        for (var i = 0; i < _streams.Length; i++)
            waiting += Math.Max(0, lengths[i].Result - pending[i].Result.PendingMessageCount);
        return waiting;
    }

    /// <summary>Up to <paramref name="count"/> new entries, highest tier first.</summary>
    public async Task<IReadOnlyList<QueueEntry>> ReadAsync(string consumer, int count, CancellationToken cancellationToken)
    {
        var entries = new List<QueueEntry>();
        foreach (var stream in _streams)
        {
            if (entries.Count >= count)
                break;
            var read = await ReadGroupAsync(stream, consumer, count - entries.Count, cancellationToken);
            entries.AddRange(read.Where(e => !e.IsNull).Select(e => Entry(stream, e)));
        }
        return entries;
    }

    /// <summary>Claims up to <paramref name="count"/> entries idle for a lease or longer (their replica stopped renewing them).</summary>
    public async Task<IReadOnlyList<QueueEntry>> ReclaimAsync(string consumer, int count, CancellationToken cancellationToken)
    {
        var entries = new List<QueueEntry>();
        var minIdle = (long)_options.LeaseDuration.TotalMilliseconds;
        foreach (var stream in _streams)
        {
            if (entries.Count >= count)
                break;
            var claimed = await redis.StreamAutoClaimAsync(stream, _options.ConsumerGroup, consumer, minIdle, "0-0", count - entries.Count, cancellationToken);
            entries.AddRange(claimed.ClaimedEntries.Where(e => !e.IsNull).Select(e => Entry(stream, e)));
            if (claimed.DeletedIds.Length > 0)
                await redis.StreamAcknowledgeAsync(stream, _options.ConsumerGroup, claimed.DeletedIds, cancellationToken);
        }
        return entries;
    }

    /// <summary>Resets the idle time of entries this replica is running, so nobody reclaims them.</summary>
    public async Task KeepAliveAsync(string consumer, IEnumerable<QueueEntry> entries, CancellationToken cancellationToken)
    {
        foreach (var group in entries.GroupBy(e => e.Stream))
        {
            var args = new List<RedisValue> { group.Key, _options.ConsumerGroup, consumer, 0 };
            args.AddRange(group.Select(e => (RedisValue)e.EntryId));
            args.Add("JUSTID");
            await redis.ExecuteAsync("XCLAIM", args, cancellationToken);
        }
    }

    /// <summary>The task is done with this entry: acknowledge and delete it in one transaction.</summary>
    public async Task AckAsync(QueueEntry entry, CancellationToken cancellationToken)
    {
        var transaction = redis.CreateTransaction();
        var ack = transaction.StreamAcknowledgeAsync(entry.Stream, _options.ConsumerGroup, entry.EntryId, cancellationToken);
        var delete = transaction.ExecuteAsync("XDEL", [entry.Stream, entry.EntryId], cancellationToken);
        await transaction.ExecuteAsync(cancellationToken);
        await ack;
        await delete;
    }

    private async Task<StreamEntry[]> ReadGroupAsync(string stream, string consumer, int count, CancellationToken cancellationToken)
    {
        try
        {
            return await redis.StreamReadGroupAsync(stream, _options.ConsumerGroup, consumer, ">", count, cancellationToken: cancellationToken);
        }
        catch (RedisServerException e) when (e.ErrorPrefix == "NOGROUP")
        {
            // Redis lost the group (restarted without persistence, or flushed): recreate it and read next time.
            await EnsureGroupsAsync(cancellationToken);
            return [];
        }
    }

    private static QueueEntry Entry(string stream, StreamEntry entry) => new(stream, (string)entry.Id!, (string)entry[TaskField]!);
}
