namespace Platform.Redis.Protocol;

/// <summary>The commands this client sends, encoded once at start-up.</summary>
internal static class CommandNames
{
    public static readonly CommandName Auth = new("AUTH");
    public static readonly CommandName Select = new("SELECT");
    public static readonly CommandName Client = new("CLIENT");
    public static readonly CommandName Ping = new("PING");
    public static readonly CommandName FlushDb = new("FLUSHDB");
    public static readonly CommandName Multi = new("MULTI");
    public static readonly CommandName Exec = new("EXEC");
    public static readonly CommandName Publish = new("PUBLISH");

    public static readonly CommandName Get = new("GET");
    public static readonly CommandName Set = new("SET");
    public static readonly CommandName MGet = new("MGET");
    public static readonly CommandName Del = new("DEL");
    public static readonly CommandName Exists = new("EXISTS");
    public static readonly CommandName Expire = new("EXPIRE");
    public static readonly CommandName PExpire = new("PEXPIRE");
    public static readonly CommandName Ttl = new("TTL");
    public static readonly CommandName PTtl = new("PTTL");
    public static readonly CommandName IncrBy = new("INCRBY");
    public static readonly CommandName IncrByFloat = new("INCRBYFLOAT");
    public static readonly CommandName DecrBy = new("DECRBY");

    public static readonly CommandName HGet = new("HGET");
    public static readonly CommandName HSet = new("HSET");
    public static readonly CommandName HMGet = new("HMGET");
    public static readonly CommandName HGetAll = new("HGETALL");
    public static readonly CommandName HIncrBy = new("HINCRBY");
    public static readonly CommandName HIncrByFloat = new("HINCRBYFLOAT");
    public static readonly CommandName HDel = new("HDEL");

    public static readonly CommandName ZAdd = new("ZADD");
    public static readonly CommandName ZRange = new("ZRANGE");
    public static readonly CommandName ZRangeByScore = new("ZRANGEBYSCORE");
    public static readonly CommandName ZRevRangeByScore = new("ZREVRANGEBYSCORE");
    public static readonly CommandName ZRem = new("ZREM");
    public static readonly CommandName ZRemRangeByScore = new("ZREMRANGEBYSCORE");
    public static readonly CommandName ZCard = new("ZCARD");
    public static readonly CommandName ZScore = new("ZSCORE");
    public static readonly CommandName ZIncrBy = new("ZINCRBY");

    public static readonly CommandName XAdd = new("XADD");
    public static readonly CommandName XReadGroup = new("XREADGROUP");
    public static readonly CommandName XAck = new("XACK");
    public static readonly CommandName XGroup = new("XGROUP");
    public static readonly CommandName XPending = new("XPENDING");
    public static readonly CommandName XAutoClaim = new("XAUTOCLAIM");
    public static readonly CommandName XClaim = new("XCLAIM");
    public static readonly CommandName XTrim = new("XTRIM");
    public static readonly CommandName XLen = new("XLEN");
    public static readonly CommandName XRange = new("XRANGE");
    public static readonly CommandName XRevRange = new("XREVRANGE");

    public static readonly CommandName Script = new("SCRIPT");
    public static readonly CommandName Eval = new("EVAL");
    public static readonly CommandName EvalSha = new("EVALSHA");
}
