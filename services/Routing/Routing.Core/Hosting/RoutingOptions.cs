using Platform.Routing.Catalog;
using Platform.Routing.Concurrency;
using Platform.Routing.Dedup;
using Platform.Routing.Health;
using Platform.Routing.Limits;
using Platform.Routing.Resilience;
using Platform.Routing.Vocabulary;

namespace Platform.Routing.Hosting;

/// <summary>The <c>Routing</c> configuration section (services/Routing/README.md lists every key).</summary>
public sealed class RoutingOptions
{
    public const string Section = "Routing";

    public Strategy DefaultStrategy { get; set; } = Strategy.Policy;

    /// <summary>The configured catalog; PostgreSQL rows written by the admin RPCs override it.</summary>
    public Dictionary<string, ModelOptions> Models { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<string>> FallbackChains { get; set; } = new(StringComparer.Ordinal);

    public bool ExtendChainsWithEligible { get; set; } = true;

    public int MaxChainLength { get; set; } = 4;

    /// <summary>How often the stored catalog is re-read (admin writes reach every replica within this).</summary>
    public TimeSpan CatalogRefreshInterval { get; set; } = TimeSpan.FromSeconds(2);

    public LimitOptions Limits { get; set; } = new();

    public BreakerOptions Breaker { get; set; } = new();

    public HealthOptions Health { get; set; } = new();

    public AdaptiveConcurrencyOptions AdaptiveConcurrency { get; set; } = new();

    public RetryOptions Retry { get; set; } = new();

    public DedupOptions Dedup { get; set; } = new();

    /// <summary>Per-tier overrides (<c>Routing:TierPolicies:High:MaxRetries</c>); otherwise the budget service's fleet policy, else the defaults.</summary>
    public Dictionary<Tier, TierPolicyOptions> TierPolicies { get; set; } = [];

    /// <summary>How long an agent's registration (tier, team) is cached.</summary>
    public TimeSpan AgentCacheTtl { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the fleet's tier policies are re-read from the budget service.</summary>
    public TimeSpan FleetPolicyRefreshInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The metrics stream call events go to, and its approximate length cap.</summary>
    public string EventStream { get; set; } = "metrics:calls";

    public long EventStreamMaxLength { get; set; } = 1_000_000;

    /// <summary>Connections per provider host in the upstream pool.</summary>
    public int MaxConnectionsPerProvider { get; set; } = 4096;
}

/// <summary>A tier's retry policy written in configuration.</summary>
public sealed class TierPolicyOptions
{
    public int? MaxRetries { get; set; }

    public TimeSpan? MaxRetryDuration { get; set; }
}
