namespace Platform.Redis;

/// <summary>The RESP type a reply arrived as (RESP3 types appear only on a RESP3 connection).</summary>
public enum RedisResultType
{
    Null,
    SimpleString,
    Error,
    Integer,
    BulkString,
    Array,
    Double,
    Boolean,
    BigNumber,
    VerbatimString,
    Map,
    Set,
    Push,
}
