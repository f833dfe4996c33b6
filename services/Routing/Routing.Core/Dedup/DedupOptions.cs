namespace Platform.Routing.Dedup;

/// <summary><c>Routing:Dedup</c>: idempotency keys and the optional response cache.</summary>
public sealed class DedupOptions
{
    /// <summary>How long a key answers with its first result (contract: 10 minutes for Complete).</summary>
    public TimeSpan IdempotencyRetention { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often a duplicate checks whether the first call finished.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(25);

    /// <summary>Response cache default for requests with CACHE_MODE_UNSPECIFIED.</summary>
    public bool CacheEnabledByDefault { get; set; }

    public TimeSpan CacheTtl { get; set; } = TimeSpan.FromMinutes(5);
}
