namespace Platform.Routing.Limits;

/// <summary><c>Routing:Breaker</c>: when a model's shared circuit breaker opens and how long it stays open.</summary>
public sealed class BreakerOptions
{
    /// <summary>Consecutive failed attempts that open the breaker.</summary>
    public int ConsecutiveFailures { get; set; } = 5;

    /// <summary>Failure rate over <see cref="Window"/> that opens it, once <see cref="MinimumRequests"/> were seen.</summary>
    public int FailureRatePercent { get; set; } = 50;

    public int MinimumRequests { get; set; } = 20;

    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an open breaker keeps the model out before one probe is let through.</summary>
    public TimeSpan Cooldown { get; set; } = TimeSpan.FromSeconds(15);
}
