namespace Platform.Redis;

public partial interface IRedisCommands
{
    /// <summary>
    /// Runs a cached script by SHA1 (EVALSHA). On a database, a NOSCRIPT reply (script cache flushed,
    /// server restarted) loads the script and retries once, transparently. In a transaction the
    /// script's source is sent with EVAL, since a failed EVALSHA cannot be retried inside EXEC.
    /// </summary>
    ValueTask<RedisResult> ScriptEvaluateAsync(LuaScript script, RedisKey[]? keys = null, RedisValue[]? values = null, CancellationToken cancellationToken = default);

    /// <summary>EVAL of a script's source.</summary>
    ValueTask<RedisResult> ScriptEvaluateAsync(string script, RedisKey[]? keys = null, RedisValue[]? values = null, CancellationToken cancellationToken = default);
}
