namespace Platform.Postgres.Resilience;

/// <summary>Bounds on retrying database work (configuration section <c>Postgres:Resilience</c>).</summary>
public sealed class PostgresResilienceOptions
{
    public const string SectionName = "Postgres:Resilience";

    /// <summary>Retries after the first attempt.</summary>
    public int MaxRetryAttempts { get; set; } = 6;

    /// <summary>Delay before the first retry; doubles (with jitter) on each further retry.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Hard cap on all attempts and delays together.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
