namespace Platform.Budget.Hosting;

/// <summary>The "Budget" configuration section.</summary>
public sealed class BudgetOptions
{
    public const string Section = "Budget";

    /// <summary>The fleet this service manages: its Redis hash tag. One fleet = one Cluster slot.</summary>
    public string FleetId { get; set; } = "default";

    /// <summary>How long a Reserve idempotency key answers with the original result (contract: at least 24 h).</summary>
    public TimeSpan IdempotencyRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long a settled reservation is remembered, so Commit/Release repeats answer the same.</summary>
    public TimeSpan SettledRetention { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often each replica reclaims expired reservations (scripts also reclaim lazily).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The events stream keeps about this many events (and at most 24 hours of them).</summary>
    public int EventsMaxLength { get; set; } = 100_000;

    /// <summary>Observed output lengths kept per agent for p95 sizing.</summary>
    public int OutputSampleSize { get; set; } = 128;

    /// <summary>p95 sizing starts once this many outputs were observed (contract: 20).</summary>
    public int OutputSampleMinimum { get; set; } = 20;

    /// <summary>How often each replica refreshes its p95 estimates and its registry snapshot.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The metrics service's event stream; every budget event is copied there.</summary>
    public string MetricsStream { get; set; } = "metrics:events";

    public LedgerOptions Ledger { get; set; } = new();

    public ReallocationOptions Reallocation { get; set; } = new();

    public SeedOptions Seed { get; set; } = new();
}
