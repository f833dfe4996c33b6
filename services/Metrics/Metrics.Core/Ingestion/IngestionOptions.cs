namespace Platform.Metrics.Ingestion;

/// <summary>How this replica consumes the streams (configuration section <c>Metrics:Ingestion</c>).</summary>
public sealed class IngestionOptions
{
    public const string SectionName = "Metrics:Ingestion";

    /// <summary>Call event stream key.</summary>
    public string CallStream { get; set; } = Events.MetricsStreams.CallEvents;

    /// <summary>Where entries that can never be stored are moved, with the reason.</summary>
    public string DeadLetterStream { get; set; } = Events.MetricsStreams.CallEventsDeadLetter;

    /// <summary>Budget event stream key (owned by the budget service; see its README).</summary>
    public string BudgetStream { get; set; } = Events.MetricsStreams.BudgetEvents;

    public string ConsumerGroup { get; set; } = Events.MetricsStreams.ConsumerGroup;

    /// <summary>This replica's consumer name. Empty = host name + process id.</summary>
    public string ConsumerName { get; set; } = "";

    /// <summary>
    /// Most entries read (and written to PostgreSQL in one transaction) at a time. Large batches matter:
    /// a batch updates each roll-up row it touches once, however many of its calls fall in that row.
    /// </summary>
    public int BatchSize { get; set; } = 20_000;

    /// <summary>Concurrent read-write loops in this replica.</summary>
    public int Writers { get; set; } = 2;

    /// <summary>How long a read waits for new entries.</summary>
    public TimeSpan ReadBlock { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Entries delivered to a consumer but not acknowledged for this long are taken over (their consumer
    /// is presumed dead). Longer than any batch write, or live consumers' work is duplicated (harmlessly).
    /// </summary>
    public TimeSpan ClaimMinIdle { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often to look for such entries.</summary>
    public TimeSpan ClaimInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often acknowledged entries are trimmed from the streams and idle consumers removed.</summary>
    public TimeSpan MaintenanceInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Consumers with nothing pending and idle this long are removed from the group.</summary>
    public TimeSpan ForgetIdleConsumersAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Longest wait between attempts while PostgreSQL or Redis is unavailable.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    public string ResolveConsumerName() =>
        string.IsNullOrWhiteSpace(ConsumerName) ? $"{Environment.MachineName}-{Environment.ProcessId}" : ConsumerName;
}
