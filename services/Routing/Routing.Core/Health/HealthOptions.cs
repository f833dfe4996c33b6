namespace Platform.Routing.Health;

/// <summary><c>Routing:Health</c>: the statistics window behind ModelHealth and least-latency routing.</summary>
public sealed class HealthOptions
{
    /// <summary>Window the statistics (latency percentiles, error rate, request count) cover.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Statistics are kept in buckets this long; the window is a whole number of them.</summary>
    public TimeSpan BucketLength { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often each replica re-reads every model's shared state.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(1);

    public int BucketCount => Math.Max(1, (int)Math.Round(Window / BucketLength));
}
