using Platform.Redis;

namespace Platform.Budget.Streams;

/// <summary>
/// At-least-once reading of a Redis stream in a consumer group, for one consumer: first what this
/// consumer was given and never acknowledged, then entries a dead consumer left pending (claimed
/// after they were idle for <paramref name="claimIdle"/>), then new entries (blocking briefly).
/// The caller acknowledges each batch only once it is durably handled.
/// </summary>
public sealed class StreamGroupReader(
    IRedisDatabase redis, RedisKey stream, string group, string consumer, TimeSpan claimIdle, RedisValue startPosition)
{
    private static readonly TimeSpan Block = TimeSpan.FromSeconds(1);

    private bool _readOwnPending = true;
    private long _nextClaimAt;
    private RedisValue _claimCursor = "0-0";

    public RedisKey Stream => stream;

    public string Group => group;

    public string Consumer => consumer;

    /// <summary>Creates the group (and the stream) if missing, starting at <c>startPosition</c>.</summary>
    public async Task EnsureGroupAsync(CancellationToken cancellationToken) =>
        await redis.StreamCreateConsumerGroupAsync(stream, group, startPosition, createStream: true, cancellationToken);

    /// <summary>After a failure, re-read this consumer's pending entries before anything new.</summary>
    public void Rewind() => _readOwnPending = true;

    public async Task<StreamEntry[]> NextAsync(int count, CancellationToken cancellationToken)
    {
        if (_readOwnPending)
        {
            var pending = await redis.StreamReadGroupAsync(stream, group, consumer, "0", count, cancellationToken: cancellationToken);
            var live = pending.Where(e => !e.IsNull).ToArray();
            if (live.Length < pending.Length)
            {
                // Trimmed away while pending (only possible if someone trimmed unacknowledged entries).
                await redis.StreamAcknowledgeAsync(stream, group, pending.Where(e => e.IsNull).Select(e => e.Id).ToArray(), cancellationToken);
            }

            if (pending.Length > 0)
            {
                return live;
            }

            _readOwnPending = false;
        }

        var now = Environment.TickCount64;
        if (now >= _nextClaimAt)
        {
            var claimed = await redis.StreamAutoClaimAsync(stream, group, consumer, (long)claimIdle.TotalMilliseconds, _claimCursor, count,
                cancellationToken);
            _claimCursor = claimed.NextStartId.IsNull ? "0-0" : claimed.NextStartId;
            if (claimed.DeletedIds.Length > 0)
            {
                await redis.StreamAcknowledgeAsync(stream, group, claimed.DeletedIds, cancellationToken);
            }

            if (claimed.ClaimedEntries.Length > 0)
            {
                return claimed.ClaimedEntries;
            }

            // Scanned to the end of the pending list: rest until the next check.
            if (_claimCursor == "0-0")
            {
                _nextClaimAt = now + (long)(claimIdle.TotalMilliseconds / 2);
            }
        }

        return await redis.StreamReadGroupAsync(stream, group, consumer, ">", count, block: Block, cancellationToken: cancellationToken);
    }

    public async Task AcknowledgeAsync(StreamEntry[] entries, CancellationToken cancellationToken)
    {
        if (entries.Length > 0)
        {
            await redis.StreamAcknowledgeAsync(stream, group, entries.Select(e => e.Id).ToArray(), cancellationToken);
        }
    }

    /// <summary>
    /// Deletes entries every consumer of the group has acknowledged: below the oldest pending one, or,
    /// when nothing is pending, up to the group's last delivered id. Never touches unacknowledged entries.
    /// </summary>
    public async Task TrimAcknowledgedAsync(CancellationToken cancellationToken)
    {
        var pending = await redis.StreamPendingAsync(stream, group, cancellationToken);
        RedisValue minimum;
        if (pending.PendingMessageCount > 0)
        {
            minimum = pending.LowestPendingMessageId;
        }
        else
        {
            var lastDelivered = await LastDeliveredIdAsync(cancellationToken);
            if (lastDelivered.IsNullOrEmpty || lastDelivered == "0-0")
            {
                return;
            }

            minimum = lastDelivered;
        }

        await redis.ExecuteAsync("XTRIM", [stream.ToString(), "MINID", minimum], cancellationToken);
    }

    private async Task<RedisValue> LastDeliveredIdAsync(CancellationToken cancellationToken)
    {
        var groups = await redis.ExecuteAsync("XINFO", ["GROUPS", stream.ToString()], cancellationToken);
        foreach (var info in groups.ToArray())
        {
            var fields = info.ToArray();
            RedisValue name = default, lastDelivered = default;
            for (var i = 0; i + 1 < fields.Length; i += 2)
            {
                switch ((string?)fields[i])
                {
                    case "name":
                        name = fields[i + 1].AsValue();
                        break;
                    case "last-delivered-id":
                        lastDelivered = fields[i + 1].AsValue();
                        break;
                }
            }

            if ((string?)name == group)
            {
                return lastDelivered;
            }
        }

        return RedisValue.Null;
    }
}
