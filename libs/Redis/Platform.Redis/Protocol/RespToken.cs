using System.Buffers;
using System.Text;

namespace Platform.Redis.Protocol;

/// <summary>
/// One RESP value's header and, for scalars, its payload (still inside the receive buffer, so only
/// valid until the frame is released). RESP2 and RESP3 spellings of the same thing look alike here:
/// <c>$-1</c>, <c>*-1</c> and <c>_</c> are all null; maps report key and value as separate elements.
/// </summary>
internal readonly struct RespToken
{
    public RespToken(byte prefix, long count, ReadOnlySequence<byte> payload)
    {
        Prefix = prefix;
        Count = count;
        Payload = payload;
    }

    public byte Prefix { get; }

    /// <summary>Elements that follow an aggregate (map entries count twice); -1 for a null.</summary>
    public long Count { get; }

    /// <summary>A scalar's bytes without its CRLF (and without a verbatim string's format prefix).</summary>
    public ReadOnlySequence<byte> Payload { get; }

    public bool IsNull => Prefix == RespPrefix.Null || Count < 0;

    public bool IsError => Prefix is RespPrefix.SimpleError or RespPrefix.BulkError;

    public bool IsAggregate => Prefix is RespPrefix.Array or RespPrefix.Set or RespPrefix.Map or RespPrefix.Push;

    public long GetInt64() => Prefix switch
    {
        RespPrefix.Boolean => IsTrue() ? 1 : 0,
        RespPrefix.Integer or RespPrefix.BulkString or RespPrefix.SimpleString or RespPrefix.BigNumber when !IsNull => RespLine.ParseInt64(Payload),
        _ => throw Unexpected("an integer"),
    };

    public double GetDouble()
    {
        if (IsNull || IsAggregate || IsError)
        {
            throw Unexpected("a number");
        }

        Span<byte> copy = stackalloc byte[64];
        var text = Payload.IsSingleSegment ? Payload.FirstSpan : CopyTo(copy);
        return RespNumbers.TryParseDouble(text, out var value) ? value : throw Unexpected("a number");
    }

    public bool IsTrue() => Prefix == RespPrefix.Boolean ? PayloadEquals("t"u8) : GetInt64() != 0;

    public bool PayloadEquals(ReadOnlySpan<byte> expected)
    {
        if (Payload.Length != expected.Length)
        {
            return false;
        }

        return Payload.IsSingleSegment ? Payload.FirstSpan.SequenceEqual(expected) : new SequenceReader<byte>(Payload).IsNext(expected);
    }

    /// <summary>A copy of the payload that outlives the receive buffer; integers stay integers (no allocation).</summary>
    public RedisValue ToRedisValue()
    {
        if (IsNull)
        {
            return RedisValue.Null;
        }

        return Prefix switch
        {
            RespPrefix.Integer => RedisValue.FromInt64(GetInt64()),
            RespPrefix.Double => RedisValue.FromDouble(GetDouble()),
            RespPrefix.Boolean => RedisValue.FromInt64(IsTrue() ? 1 : 0),
            _ when IsAggregate || IsError => throw Unexpected("a single value"),
            _ => RedisValue.FromBytes(Payload.ToArray()),
        };
    }

    public string GetString()
    {
        if (IsNull)
        {
            throw Unexpected("a string");
        }

        return Encoding.UTF8.GetString(Payload);
    }

    public RedisServerException ToServerException() => new(Encoding.UTF8.GetString(Payload));

    public RedisProtocolException Unexpected(string expected) =>
        new($"Expected {expected} but the server replied with RESP type '{(char)Prefix}'{(IsNull ? " (null)" : string.Empty)}.");

    private ReadOnlySpan<byte> CopyTo(Span<byte> buffer)
    {
        if (Payload.Length > buffer.Length)
        {
            throw Unexpected("a number");
        }

        Payload.CopyTo(buffer);
        return buffer[..(int)Payload.Length];
    }
}
