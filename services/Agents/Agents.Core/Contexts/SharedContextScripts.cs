using Platform.Redis;

namespace Platform.Agents.Contexts;

/// <summary>
/// The shared-context operations, each atomic in Redis. A block is one hash holding its content once;
/// <c>refs</c> counts the unfinished tasks using it. While refs &gt; 0 it never expires; when the last
/// task lets go, or on a put, it gets the retention TTL again.
/// </summary>
internal static class SharedContextScripts
{
    /// <summary>KEYS[1] block; ARGV content, media type, description, tokens, bytes, now ms, ttl ms. Returns {created, created_ms, media, description, pttl}.</summary>
    public static readonly LuaScript Put = new("""
        if redis.call('EXISTS', KEYS[1]) == 1 then
          if tonumber(redis.call('HGET', KEYS[1], 'refs') or '0') <= 0 then
            redis.call('PEXPIRE', KEYS[1], ARGV[7])
          end
          local meta = redis.call('HMGET', KEYS[1], 'created_ms', 'media_type', 'description')
          return {0, meta[1], meta[2], meta[3], redis.call('PTTL', KEYS[1])}
        end
        redis.call('HSET', KEYS[1], 'content', ARGV[1], 'media_type', ARGV[2], 'description', ARGV[3],
                   'tokens', ARGV[4], 'bytes', ARGV[5], 'created_ms', ARGV[6], 'refs', 0)
        redis.call('PEXPIRE', KEYS[1], ARGV[7])
        return {1, ARGV[6], ARGV[2], ARGV[3], tonumber(ARGV[7])}
        """);

    /// <summary>KEYS the blocks. All exist: refs + 1 each, no expiry; returns {0, tokens1, bytes1, ...}. Else {index of the first missing}.</summary>
    public static readonly LuaScript Acquire = new("""
        for i, key in ipairs(KEYS) do
          if redis.call('EXISTS', key) == 0 then return {i} end
        end
        local reply = {0}
        for _, key in ipairs(KEYS) do
          redis.call('HINCRBY', key, 'refs', 1)
          redis.call('PERSIST', key)
          local sizes = redis.call('HMGET', key, 'tokens', 'bytes')
          table.insert(reply, tonumber(sizes[1]))
          table.insert(reply, tonumber(sizes[2]))
        end
        return reply
        """);

    /// <summary>KEYS the blocks; ARGV ttl ms. refs - 1 each; a block nobody uses any more gets its TTL back.</summary>
    public static readonly LuaScript Release = new("""
        for _, key in ipairs(KEYS) do
          if redis.call('EXISTS', key) == 1 then
            if redis.call('HINCRBY', key, 'refs', -1) <= 0 then
              redis.call('HSET', key, 'refs', 0)
              redis.call('PEXPIRE', key, ARGV[1])
            end
          end
        end
        return 1
        """);
}
