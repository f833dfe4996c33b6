using Platform.Redis.Protocol;

namespace Platform.Redis.Commands.Replies;

/// <summary>Bulk/simple string or number as a <see cref="RedisValue"/> (GET, HGET, XADD...).</summary>
internal sealed class ValueParser : ReplyParser<RedisValue>
{
    public static readonly ValueParser Instance = new();

    public override RedisValue Parse(ref RespReader reader, in RespToken token) => token.ToRedisValue();
}

/// <summary>Integer replies (DEL, INCRBY, ZCARD...).</summary>
internal sealed class Int64Parser : ReplyParser<long>
{
    public static readonly Int64Parser Instance = new();

    public override long Parse(ref RespReader reader, in RespToken token) => token.GetInt64();
}

/// <summary>Integer 1/0 replies read as a yes/no (EXPIRE, HSET of one field, ZREM of one member...).</summary>
internal sealed class BooleanParser : ReplyParser<bool>
{
    public static readonly BooleanParser Instance = new();

    public override bool Parse(ref RespReader reader, in RespToken token) => token.IsTrue();
}

/// <summary>"+OK" as true and a null reply as false (SET with NX/XX that did not apply).</summary>
internal sealed class OkParser : ReplyParser<bool>
{
    public static readonly OkParser Instance = new();

    public override bool Parse(ref RespReader reader, in RespToken token) =>
        !token.IsNull && (token.Prefix != RespPrefix.SimpleString || token.PayloadEquals("OK"u8)
            ? true
            : throw token.Unexpected("OK"));
}

/// <summary>Floating-point replies sent as bulk strings in RESP2 (INCRBYFLOAT, ZINCRBY...).</summary>
internal sealed class DoubleParser : ReplyParser<double>
{
    public static readonly DoubleParser Instance = new();

    public override double Parse(ref RespReader reader, in RespToken token) => token.GetDouble();
}

/// <summary>A number that may be absent (ZSCORE of a missing member).</summary>
internal sealed class NullableDoubleParser : ReplyParser<double?>
{
    public static readonly NullableDoubleParser Instance = new();

    public override double? Parse(ref RespReader reader, in RespToken token) => token.IsNull ? null : token.GetDouble();
}

/// <summary>PTTL's reply: milliseconds left, or null when the key is missing (-2) or has no expiry (-1).</summary>
internal sealed class TimeToLiveParser : ReplyParser<TimeSpan?>
{
    public static readonly TimeToLiveParser Instance = new();

    public override TimeSpan? Parse(ref RespReader reader, in RespToken token)
    {
        var milliseconds = token.GetInt64();
        return milliseconds < 0 ? null : TimeSpan.FromMilliseconds(milliseconds);
    }
}

/// <summary>A text reply (SCRIPT LOAD's SHA1).</summary>
internal sealed class StringParser : ReplyParser<string>
{
    public static readonly StringParser Instance = new();

    public override string Parse(ref RespReader reader, in RespToken token) => token.GetString();
}
