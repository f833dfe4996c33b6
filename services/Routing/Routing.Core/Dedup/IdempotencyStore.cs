using System.Security.Cryptography;
using System.Text;
using Platform.Redis;
using Platform.Routing.Completions;
using Platform.Routing.Limits;

namespace Platform.Routing.Dedup;

/// <summary>
/// Idempotency keys shared by all replicas: the first call with a key claims it (a pending marker that
/// expires with the call's deadline, so a crashed replica does not block the key), later and concurrent
/// calls with the same key and request wait for its result and get it back; the same key with another
/// request is refused. A failed call gives its key up, so a retry runs again.
/// </summary>
public sealed class IdempotencyStore(IRedisDatabase redis, LimitOptions limits, DedupOptions options, TimeProvider time)
{
    private static readonly LuaScript Claim = new("""
        local state = redis.call('HGET', KEYS[1], 'state')
        if not state then
          redis.call('HSET', KEYS[1], 'state', 'p', 'hash', ARGV[1])
          redis.call('PEXPIRE', KEYS[1], ARGV[2])
          return {'claimed'}
        end
        if redis.call('HGET', KEYS[1], 'hash') ~= ARGV[1] then
          return {'mismatch'}
        end
        if state == 'd' then
          return {'done', redis.call('HGET', KEYS[1], 'result')}
        end
        return {'pending'}
        """);

    private static readonly LuaScript Abandon = new("""
        if redis.call('HGET', KEYS[1], 'state') == 'p' then
          redis.call('DEL', KEYS[1])
        end
        return 1
        """);

    public async Task<IdempotencyClaim> ClaimAsync(string agentId, string key, string fingerprint, DateTime deadline, CancellationToken cancellationToken)
    {
        var pendingTtl = (long)Math.Clamp((deadline - time.GetUtcNow().UtcDateTime).TotalMilliseconds + 5_000, 1_000, options.IdempotencyRetention.TotalMilliseconds);
        var reply = (await redis.ScriptEvaluateAsync(Claim, [KeyOf(agentId, key)], [fingerprint, pendingTtl], cancellationToken)).ToArray();
        return (string?)reply[0] switch
        {
            "claimed" => new IdempotencyClaim(IdempotencyState.Claimed),
            "mismatch" => new IdempotencyClaim(IdempotencyState.Mismatch),
            "done" => new IdempotencyClaim(IdempotencyState.Done, CompletionJson.Deserialize((byte[])reply[1]!)),
            _ => new IdempotencyClaim(IdempotencyState.Pending),
        };
    }

    public async Task CompleteAsync(string agentId, string key, string fingerprint, CompletionResult result, CancellationToken cancellationToken)
    {
        var redisKey = KeyOf(agentId, key);
        await redis.HashSetAsync(redisKey, [new HashEntry("state", "d"), new HashEntry("hash", fingerprint), new HashEntry("result", CompletionJson.Serialize(result))], cancellationToken);
        await redis.KeyExpireAsync(redisKey, options.IdempotencyRetention, cancellationToken);
    }

    public async Task AbandonAsync(string agentId, string key) =>
        await redis.ScriptEvaluateAsync(Abandon, [KeyOf(agentId, key)], [], CancellationToken.None);

    /// <summary>Claims the key, or waits for whoever holds it, until there is a result to return or the key is ours to run.</summary>
    public async Task<IdempotencyClaim> ClaimOrWaitAsync(string agentId, string key, string fingerprint, DateTime deadline, CancellationToken cancellationToken)
    {
        while (true)
        {
            var claim = await ClaimAsync(agentId, key, fingerprint, deadline, cancellationToken);
            if (claim.State != IdempotencyState.Pending)
                return claim;
            if (time.GetUtcNow().UtcDateTime + options.PollInterval >= deadline)
                throw RoutingException.Deadline("the deadline passed while an identical call with the same idempotency_key was still running");
            await Task.Delay(options.PollInterval, time, cancellationToken);
        }
    }

    private RedisKey KeyOf(string agentId, string key) =>
        $"{limits.KeyPrefix}:idem:{agentId}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))}";
}
