namespace Platform.Routing.Concurrency;

/// <summary><c>Routing:AdaptiveConcurrency</c>: the per-replica, per-model limiter's bounds and reaction speeds.</summary>
public sealed class AdaptiveConcurrencyOptions
{
    /// <summary>Where a model's limit starts (the field measured a sweet spot near 20).</summary>
    public int InitialLimit { get; set; } = 20;

    public int MinLimit { get; set; } = 1;

    /// <summary>Upper bound for models without <c>max_concurrency</c>.</summary>
    public int MaxLimit { get; set; } = 1000;

    /// <summary>How many times the no-load latency recent latency may reach before the limit shrinks.</summary>
    public double Tolerance { get; set; } = 2.0;

    /// <summary>Latency added to the tolerance, so that millisecond-scale noise on a fast upstream is not read as queueing.</summary>
    public TimeSpan LatencySlack { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Weight of each new estimate (0-1); lower = smoother.</summary>
    public double Smoothing { get; set; } = 0.2;

    /// <summary>Multiplicative decrease on a 429 or timeout.</summary>
    public double BackoffRatio { get; set; } = 0.9;
}
