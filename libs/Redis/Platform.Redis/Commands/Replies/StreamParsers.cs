using Platform.Redis.Protocol;

namespace Platform.Redis.Commands.Replies;

/// <summary>A list of stream entries (XRANGE, XCLAIM); each is [id, [field, value, ...]].</summary>
internal sealed class StreamEntriesParser : ReplyParser<StreamEntry[]>
{
    public static readonly StreamEntriesParser Instance = new();

    public override StreamEntry[] Parse(ref RespReader reader, in RespToken token) => ReadEntries(ref reader, token);

    internal static StreamEntry[] ReadEntries(ref RespReader reader, in RespToken token)
    {
        if (token.IsNull)
        {
            return [];
        }

        if (!token.IsAggregate)
        {
            throw token.Unexpected("an array of stream entries");
        }

        var entries = new StreamEntry[token.Count];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = ReadEntry(ref reader);
        }

        return entries;
    }

    private static StreamEntry ReadEntry(ref RespReader reader)
    {
        var parts = reader.ReadAggregateCount(out var isNull);
        if (isNull)
        {
            return new StreamEntry(RedisValue.Null, []);
        }

        if (parts != 2)
        {
            throw new RedisProtocolException($"A stream entry had {parts} parts instead of 2.");
        }

        var id = reader.Read().ToRedisValue();
        var fields = ValueArrayParser.ReadValues(ref reader, reader.Read());
        var values = new NameValueEntry[fields.Length / 2];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = new NameValueEntry(fields[2 * i], fields[(2 * i) + 1]);
        }

        return new StreamEntry(id, values);
    }
}

/// <summary>XREADGROUP for one stream: [[stream, entries]] (a map on RESP3), or null when BLOCK timed out.</summary>
internal sealed class StreamReadParser : ReplyParser<StreamEntry[]>
{
    public static readonly StreamReadParser Instance = new();

    public override StreamEntry[] Parse(ref RespReader reader, in RespToken token)
    {
        if (token.IsNull)
        {
            return [];
        }

        if (token.Prefix == RespPrefix.Map)
        {
            return token.Count == 0 ? [] : ReadNameAndEntries(ref reader, pairAlreadyOpen: true);
        }

        return token.Count == 0 ? [] : ReadNameAndEntries(ref reader, pairAlreadyOpen: false);
    }

    private static StreamEntry[] ReadNameAndEntries(ref RespReader reader, bool pairAlreadyOpen)
    {
        if (!pairAlreadyOpen)
        {
            reader.ReadAggregateCount(out _);
        }

        reader.Skip(); // the stream's name: we read one stream per call
        return StreamEntriesParser.ReadEntries(ref reader, reader.Read());
    }
}

/// <summary>XPENDING summary form: [count, lowest id, highest id, [[consumer, count], ...]].</summary>
internal sealed class StreamPendingInfoParser : ReplyParser<StreamPendingInfo>
{
    public static readonly StreamPendingInfoParser Instance = new();

    public override StreamPendingInfo Parse(ref RespReader reader, in RespToken token)
    {
        var count = reader.Read().GetInt64();
        var lowest = reader.Read().ToRedisValue();
        var highest = reader.Read().ToRedisValue();
        var consumerCount = reader.ReadAggregateCount(out _);
        var consumers = new StreamConsumer[consumerCount];
        for (var i = 0; i < consumers.Length; i++)
        {
            reader.ReadAggregateCount(out _);
            consumers[i] = new StreamConsumer(reader.Read().ToRedisValue(), reader.Read().GetInt64());
        }

        return new StreamPendingInfo(count, lowest, highest, consumers);
    }
}

/// <summary>XPENDING extended form: [[id, consumer, idle ms, delivery count], ...].</summary>
internal sealed class StreamPendingMessagesParser : ReplyParser<StreamPendingMessageInfo[]>
{
    public static readonly StreamPendingMessagesParser Instance = new();

    public override StreamPendingMessageInfo[] Parse(ref RespReader reader, in RespToken token)
    {
        if (token.IsNull)
        {
            return [];
        }

        var messages = new StreamPendingMessageInfo[token.Count];
        for (var i = 0; i < messages.Length; i++)
        {
            reader.ReadAggregateCount(out _);
            messages[i] = new StreamPendingMessageInfo(
                reader.Read().ToRedisValue(),
                reader.Read().ToRedisValue(),
                reader.Read().GetInt64(),
                reader.Read().GetInt64());
        }

        return messages;
    }
}

/// <summary>XAUTOCLAIM: [next start id, claimed entries, deleted ids (Redis 7+)].</summary>
internal sealed class StreamAutoClaimParser : ReplyParser<StreamAutoClaimResult>
{
    public static readonly StreamAutoClaimParser Instance = new();

    public override StreamAutoClaimResult Parse(ref RespReader reader, in RespToken token)
    {
        var next = reader.Read().ToRedisValue();
        var claimed = StreamEntriesParser.ReadEntries(ref reader, reader.Read());
        RedisValue[] deleted = token.Count > 2 ? ValueArrayParser.ReadValues(ref reader, reader.Read()) : [];
        return new StreamAutoClaimResult(next, claimed, deleted);
    }
}
