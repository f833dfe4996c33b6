using Platform.Redis.Protocol;

namespace Platform.Redis.Commands.Replies;

/// <summary>A flat array of values (MGET, HMGET, ZRANGE without scores); a null array reads as empty.</summary>
internal sealed class ValueArrayParser : ReplyParser<RedisValue[]>
{
    public static readonly ValueArrayParser Instance = new();

    public override RedisValue[] Parse(ref RespReader reader, in RespToken token) => ReadValues(ref reader, token);

    internal static RedisValue[] ReadValues(ref RespReader reader, in RespToken token)
    {
        if (token.IsNull)
        {
            return [];
        }

        if (!token.IsAggregate)
        {
            throw token.Unexpected("an array");
        }

        var values = new RedisValue[token.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = reader.Read().ToRedisValue();
        }

        return values;
    }
}

/// <summary>HGETALL: alternating field and value (a map on RESP3).</summary>
internal sealed class HashEntriesParser : ReplyParser<HashEntry[]>
{
    public static readonly HashEntriesParser Instance = new();

    public override HashEntry[] Parse(ref RespReader reader, in RespToken token)
    {
        var values = ValueArrayParser.ReadValues(ref reader, token);
        var entries = new HashEntry[values.Length / 2];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = new HashEntry(values[2 * i], values[(2 * i) + 1]);
        }

        return entries;
    }
}

/// <summary>ZRANGE ... WITHSCORES: flat member/score pairs on RESP2, nested pairs on RESP3.</summary>
internal sealed class SortedSetEntriesParser : ReplyParser<SortedSetEntry[]>
{
    public static readonly SortedSetEntriesParser Instance = new();

    public override SortedSetEntry[] Parse(ref RespReader reader, in RespToken token)
    {
        if (token.IsNull)
        {
            return [];
        }

        var entries = new List<SortedSetEntry>((int)token.Count / 2);
        for (long i = 0; i < token.Count; i++)
        {
            var first = reader.Read();
            if (first.IsAggregate)
            {
                entries.Add(new SortedSetEntry(reader.Read().ToRedisValue(), reader.Read().GetDouble()));
            }
            else
            {
                entries.Add(new SortedSetEntry(first.ToRedisValue(), reader.Read().GetDouble()));
                i++;
            }
        }

        return [.. entries];
    }
}
