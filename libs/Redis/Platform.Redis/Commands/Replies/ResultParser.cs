using Platform.Redis.Protocol;

namespace Platform.Redis.Commands.Replies;

/// <summary>Any reply as a <see cref="RedisResult"/> tree (ExecuteAsync, scripts, EXEC elements).</summary>
internal sealed class ResultParser : ReplyParser<RedisResult>
{
    public static readonly ResultParser Instance = new();

    public override RedisResult Parse(ref RespReader reader, in RespToken token)
    {
        if (token.IsError)
        {
            return RedisResult.Error(token.GetString());
        }

        if (token.IsNull)
        {
            return RedisResult.NullResult;
        }

        if (!token.IsAggregate)
        {
            return RedisResult.Scalar(ScalarType(token.Prefix), token.ToRedisValue());
        }

        var elements = new RedisResult[token.Count];
        for (var i = 0; i < elements.Length; i++)
        {
            var element = reader.Read();
            elements[i] = Parse(ref reader, element);
        }

        return RedisResult.Aggregate(AggregateType(token.Prefix), elements);
    }

    private static RedisResultType ScalarType(byte prefix) => prefix switch
    {
        RespPrefix.SimpleString => RedisResultType.SimpleString,
        RespPrefix.Integer => RedisResultType.Integer,
        RespPrefix.Double => RedisResultType.Double,
        RespPrefix.Boolean => RedisResultType.Boolean,
        RespPrefix.BigNumber => RedisResultType.BigNumber,
        RespPrefix.VerbatimString => RedisResultType.VerbatimString,
        _ => RedisResultType.BulkString,
    };

    private static RedisResultType AggregateType(byte prefix) => prefix switch
    {
        RespPrefix.Map => RedisResultType.Map,
        RespPrefix.Set => RedisResultType.Set,
        RespPrefix.Push => RedisResultType.Push,
        _ => RedisResultType.Array,
    };
}
