namespace Platform.Budget.Hosting;

/// <summary>The ledger consumer that moves decisions from the Redis stream into PostgreSQL.</summary>
public sealed class LedgerOptions
{
    /// <summary>Entries per PostgreSQL transaction.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>Entries another replica took but has not acknowledged for this long are claimed (it probably died).</summary>
    public TimeSpan ClaimIdleTime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait between retries while PostgreSQL is unavailable.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Consumer name in the group; default "machine-pid-random", unique per process start.</summary>
    public string? ConsumerName { get; set; }
}
