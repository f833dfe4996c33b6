using Platform.Redis;
using Platform.Routing.Completions;
using Platform.Routing.Limits;
using Platform.Routing.Requests;
using Platform.Routing.Vocabulary;

namespace Platform.Routing.Dedup;

/// <summary>
/// The optional response cache, shared by all replicas: an identical request (model choice, messages,
/// parameters, hints) answered within the TTL is answered again from Redis, at no cost and no budget.
/// Off unless configured or asked for with CACHE_MODE_ENABLED.
/// </summary>
public sealed class ResponseCache(IRedisDatabase redis, LimitOptions limits, DedupOptions options)
{
    public bool Applies(CompletionRequest request) => request.CacheMode switch
    {
        CacheMode.Enabled => true,
        CacheMode.Disabled => false,
        _ => options.CacheEnabledByDefault,
    };

    public async Task<CompletionResult?> GetAsync(CompletionRequest request, CancellationToken cancellationToken)
    {
        var value = await redis.StringGetAsync(KeyOf(request), cancellationToken);
        return value.IsNull ? null : CompletionJson.Deserialize((byte[])value!);
    }

    public async Task SetAsync(CompletionRequest request, CompletionResult result, CancellationToken cancellationToken) =>
        await redis.StringSetAsync(KeyOf(request), CompletionJson.Serialize(result), options.CacheTtl, cancellationToken: cancellationToken);

    private RedisKey KeyOf(CompletionRequest request) => $"{limits.KeyPrefix}:cache:{RequestFingerprint.Of(request, includeCaller: false)}";
}
