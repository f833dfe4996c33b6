using Platform.Redis.Commands;
using Platform.Redis.Commands.Replies;
using Platform.Redis.Protocol;

namespace Platform.Redis;

internal abstract partial class RedisCommandSet
{
    public ValueTask<RedisValue> StreamAddAsync(RedisKey key, NameValueEntry[] streamPairs, RedisValue? messageId = null, long? maxLength = null,
        bool useApproximateMaxLength = false, CancellationToken cancellationToken = default)
    {
        if (streamPairs.Length == 0)
        {
            throw new ArgumentException("A stream entry needs at least one field.", nameof(streamPairs));
        }

        var arguments = new List<RedisValue>(6 + (streamPairs.Length * 2)) { key.AsValue() };
        if (maxLength is { } max)
        {
            arguments.Add("MAXLEN");
            if (useApproximateMaxLength)
            {
                arguments.Add("~");
            }

            arguments.Add(max);
        }

        arguments.Add(messageId ?? "*");
        foreach (var pair in streamPairs)
        {
            arguments.Add(pair.Name);
            arguments.Add(pair.Value);
        }

        return Send(CommandNames.XAdd, ValueParser.Instance, cancellationToken, [.. arguments]);
    }

    public ValueTask<RedisValue> StreamAddAsync(RedisKey key, RedisValue streamField, RedisValue streamValue, RedisValue? messageId = null, long? maxLength = null,
        bool useApproximateMaxLength = false, CancellationToken cancellationToken = default) =>
        StreamAddAsync(key, [new NameValueEntry(streamField, streamValue)], messageId, maxLength, useApproximateMaxLength, cancellationToken);

    public ValueTask<StreamEntry[]> StreamReadGroupAsync(RedisKey key, RedisValue groupName, RedisValue consumerName, RedisValue? position = null,
        int? count = null, bool noAck = false, TimeSpan? block = null, CancellationToken cancellationToken = default)
    {
        var arguments = new List<RedisValue>(11) { "GROUP", groupName, consumerName };
        if (count is { } limit)
        {
            arguments.Add("COUNT");
            arguments.Add(limit);
        }

        if (block is { } wait)
        {
            arguments.Add("BLOCK");
            arguments.Add((long)wait.TotalMilliseconds);
        }

        if (noAck)
        {
            arguments.Add("NOACK");
        }

        arguments.Add("STREAMS");
        arguments.Add(key.AsValue());
        arguments.Add(position ?? ">");

        // BLOCK 0 means "forever" to Redis; the caller's timeout and token still bound it here.
        var command = new Command<StreamEntry[]>(CommandNames.XReadGroup, StreamReadParser.Instance, [.. arguments])
        {
            ServerBlockTime = block is { } b ? (b == TimeSpan.Zero ? Timeout.InfiniteTimeSpan : b) : TimeSpan.Zero,
        };
        return Dispatch(command, cancellationToken);
    }

    public ValueTask<long> StreamAcknowledgeAsync(RedisKey key, RedisValue groupName, RedisValue messageId, CancellationToken cancellationToken = default) =>
        Send(CommandNames.XAck, Int64Parser.Instance, cancellationToken, key.AsValue(), groupName, messageId);

    public ValueTask<long> StreamAcknowledgeAsync(RedisKey key, RedisValue groupName, RedisValue[] messageIds, CancellationToken cancellationToken = default) =>
        Send(CommandNames.XAck, Int64Parser.Instance, cancellationToken, [key.AsValue(), groupName, .. messageIds]);

    public async ValueTask<bool> StreamCreateConsumerGroupAsync(RedisKey key, RedisValue groupName, RedisValue? position = null, bool createStream = true,
        CancellationToken cancellationToken = default)
    {
        RedisValue[] arguments = createStream
            ? ["CREATE", key.AsValue(), groupName, position ?? "$", "MKSTREAM"]
            : ["CREATE", key.AsValue(), groupName, position ?? "$"];
        try
        {
            return await Send(CommandNames.XGroup, OkParser.Instance, cancellationToken, arguments);
        }
        catch (RedisServerException error) when (error.HasPrefix("BUSYGROUP"))
        {
            return false; // the group exists already, which is what the caller wanted
        }
    }

    public ValueTask<StreamPendingInfo> StreamPendingAsync(RedisKey key, RedisValue groupName, CancellationToken cancellationToken = default) =>
        Send(CommandNames.XPending, StreamPendingInfoParser.Instance, cancellationToken, key.AsValue(), groupName);

    public ValueTask<StreamPendingMessageInfo[]> StreamPendingMessagesAsync(RedisKey key, RedisValue groupName, int count, RedisValue consumerName = default,
        RedisValue? minId = null, RedisValue? maxId = null, long? minIdleTimeInMs = null, CancellationToken cancellationToken = default)
    {
        var arguments = new List<RedisValue>(8) { key.AsValue(), groupName };
        if (minIdleTimeInMs is { } idle)
        {
            arguments.Add("IDLE");
            arguments.Add(idle);
        }

        arguments.Add(minId ?? "-");
        arguments.Add(maxId ?? "+");
        arguments.Add(count);
        if (!consumerName.IsNull)
        {
            arguments.Add(consumerName);
        }

        return Send(CommandNames.XPending, StreamPendingMessagesParser.Instance, cancellationToken, [.. arguments]);
    }

    public ValueTask<StreamAutoClaimResult> StreamAutoClaimAsync(RedisKey key, RedisValue consumerGroup, RedisValue claimingConsumer, long minIdleTimeInMs,
        RedisValue startAtId, int? count = null, CancellationToken cancellationToken = default)
    {
        RedisValue[] arguments = count is { } limit
            ? [key.AsValue(), consumerGroup, claimingConsumer, minIdleTimeInMs, startAtId, "COUNT", limit]
            : [key.AsValue(), consumerGroup, claimingConsumer, minIdleTimeInMs, startAtId];
        return Send(CommandNames.XAutoClaim, StreamAutoClaimParser.Instance, cancellationToken, arguments);
    }

    public ValueTask<StreamEntry[]> StreamClaimAsync(RedisKey key, RedisValue consumerGroup, RedisValue claimingConsumer, long minIdleTimeInMs,
        RedisValue[] messageIds, CancellationToken cancellationToken = default) =>
        Send(CommandNames.XClaim, StreamEntriesParser.Instance, cancellationToken,
            [key.AsValue(), consumerGroup, claimingConsumer, minIdleTimeInMs, .. messageIds]);

    public ValueTask<long> StreamTrimAsync(RedisKey key, long maxLength, bool useApproximateMaxLength = false, CancellationToken cancellationToken = default) =>
        useApproximateMaxLength
            ? Send(CommandNames.XTrim, Int64Parser.Instance, cancellationToken, key.AsValue(), "MAXLEN", "~", maxLength)
            : Send(CommandNames.XTrim, Int64Parser.Instance, cancellationToken, key.AsValue(), "MAXLEN", maxLength);

    public ValueTask<long> StreamLengthAsync(RedisKey key, CancellationToken cancellationToken = default) =>
        Send(CommandNames.XLen, Int64Parser.Instance, cancellationToken, key.AsValue());

    public ValueTask<StreamEntry[]> StreamRangeAsync(RedisKey key, RedisValue? minId = null, RedisValue? maxId = null, int? count = null,
        Order messageOrder = Order.Ascending, CancellationToken cancellationToken = default)
    {
        var ascending = messageOrder == Order.Ascending;
        var arguments = new List<RedisValue>(5)
        {
            key.AsValue(),
            ascending ? minId ?? "-" : maxId ?? "+",
            ascending ? maxId ?? "+" : minId ?? "-",
        };
        if (count is { } limit)
        {
            arguments.Add("COUNT");
            arguments.Add(limit);
        }

        return Send(ascending ? CommandNames.XRange : CommandNames.XRevRange, StreamEntriesParser.Instance, cancellationToken, [.. arguments]);
    }
}
