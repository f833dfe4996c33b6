using System.Text;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Platform.Agents.Domain;
using Platform.Agents.Memory;
using Platform.Agents.V1;
using Platform.Redis;

namespace Platform.Agents.Contexts;

/// <summary>
/// Shared context blocks, content-addressed in Redis: stored once (the key is the content's SHA-256),
/// referenced by any number of tasks, counted while tasks use them and expired after the retention
/// period once nobody does. Workers keep recently used contents in memory, so a fleet of tasks on one
/// replica holds one copy of each block.
/// </summary>
public sealed class SharedContextStore(IRedisDatabase redis, IOptions<SharedContextOptions> options, TimeProvider time) : IDisposable
{
    private readonly SharedContextOptions _options = options.Value;
    private readonly MemoryCache _contents = new(new MemoryCacheOptions { SizeLimit = options.Value.LocalCacheBytes });

    public async Task<(SharedContext Context, bool Created)> PutAsync(string content, string mediaType, string description, CancellationToken cancellationToken)
    {
        if (content.Length == 0)
            throw AgentsException.Invalid("content", "content is required.");
        var bytes = Encoding.UTF8.GetByteCount(content);
        if (bytes > SharedContextOptions.MaxContentBytes)
            throw AgentsException.Invalid("content", $"content is {bytes} bytes; at most {SharedContextOptions.MaxContentBytes} (1 MiB) are allowed.");
        if (mediaType.Length > 127)
            throw AgentsException.Invalid("media_type", "media_type is longer than 127 characters.");
        if (description.Length > 1024)
            throw AgentsException.Invalid("description", "description is longer than 1024 characters.");
        mediaType = mediaType.Length == 0 ? "text/plain" : mediaType;

        var reference = ContextRefs.Of(content);
        var tokens = TokenEstimator.Text(content);
        var now = time.GetUtcNow();
        var reply = (await redis.ScriptEvaluateAsync(SharedContextScripts.Put, [Key(reference)],
            [content, mediaType, description, tokens, bytes, now.ToUnixTimeMilliseconds(), (long)_options.Retention.TotalMilliseconds], cancellationToken)).ToArray();
        var context = Describe(reference, (string)reply[2]!, (string)reply[3]!, tokens, bytes, (long)reply[1], (long)reply[4], now);
        return (context, (long)reply[0] == 1);
    }

    public async Task<SharedContext> GetAsync(string reference, CancellationToken cancellationToken)
    {
        if (!ContextRefs.IsWellFormed(reference))
            throw AgentsException.Invalid("context_ref", "context_ref must be sha256:<64 lowercase hex>.");
        var values = await redis.HashGetAsync(Key(reference), ["content", "media_type", "description", "tokens", "bytes", "created_ms"], cancellationToken);
        if (values[0].IsNull)
            throw AgentsException.NotFound(ErrorReasons.ContextNotFound, $"Shared context {reference} does not exist or has expired.");
        var ttl = await redis.KeyTimeToLiveAsync(Key(reference), cancellationToken);
        var context = Describe(reference, (string)values[1]!, (string)values[2]!, (long)values[3], (long)values[4], (long)values[5], (long)(ttl?.TotalMilliseconds ?? -1), time.GetUtcNow());
        context.Content = (string)values[0]!;
        return context;
    }

    /// <summary>Marks the blocks in use by one more task; NOT_FOUND naming the first one missing.</summary>
    public async Task<ContextUse> AcquireAsync(IReadOnlyList<string> references, CancellationToken cancellationToken)
    {
        if (references.Count == 0)
            return ContextUse.None;
        var reply = (await redis.ScriptEvaluateAsync(SharedContextScripts.Acquire, references.Select(Key).ToArray(), [], cancellationToken)).ToArray();
        var missing = (long)reply[0];
        if (missing > 0)
            throw AgentsException.NotFound(ErrorReasons.ContextNotFound, $"Shared context {references[(int)missing - 1]} does not exist or has expired.");
        long tokens = 0, bytes = 0;
        for (var i = 1; i < reply.Length; i += 2)
        {
            tokens += (long)reply[i];
            bytes += (long)reply[i + 1];
        }
        return new ContextUse(references, tokens, bytes);
    }

    /// <summary>The task no longer uses the blocks (it finished, or its submission failed).</summary>
    public async Task ReleaseAsync(IReadOnlyList<string> references, CancellationToken cancellationToken)
    {
        if (references.Count == 0)
            return;
        await redis.ScriptEvaluateAsync(SharedContextScripts.Release, references.Select(Key).ToArray(),
            [(long)_options.Retention.TotalMilliseconds], cancellationToken);
    }

    /// <summary>Block contents for a worker, from memory when another task on this replica already loaded them.</summary>
    public async Task<IReadOnlyList<string>> LoadContentsAsync(IReadOnlyList<string> references, CancellationToken cancellationToken)
    {
        var contents = new string[references.Count];
        for (var i = 0; i < references.Count; i++)
        {
            if (_contents.TryGetValue(references[i], out string? cached) && cached is not null)
            {
                contents[i] = cached;
                continue;
            }
            var value = await redis.HashGetAsync(Key(references[i]), "content", cancellationToken);
            if (value.IsNull)
                throw AgentsException.NotFound(ErrorReasons.ContextNotFound, $"Shared context {references[i]} disappeared while a task used it.");
            contents[i] = _contents.Set(references[i], (string)value!, new MemoryCacheEntryOptions { Size = Math.Max(1, ((string)value!).Length * 2) });
        }
        return contents;
    }

    public void Dispose() => _contents.Dispose();

    private RedisKey Key(string reference) => _options.KeyPrefix + ContextRefs.Hex(reference);

    private SharedContext Describe(string reference, string mediaType, string description, long tokens, long bytes, long createdMs, long ttlMs, DateTimeOffset now) => new()
    {
        ContextRef = reference,
        MediaType = mediaType,
        Description = description,
        TokenCount = tokens,
        SizeBytes = bytes,
        CreateTime = Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeMilliseconds(createdMs)),
        // A block in use has no TTL: it is kept at least one retention period past now.
        ExpireTime = Timestamp.FromDateTimeOffset(now + (ttlMs > 0 ? TimeSpan.FromMilliseconds(ttlMs) : _options.Retention)),
    };
}
