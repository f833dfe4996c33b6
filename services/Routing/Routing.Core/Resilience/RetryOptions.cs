namespace Platform.Routing.Resilience;

/// <summary><c>Routing:Retry</c>: backoff shape and the global retry budget.</summary>
public sealed class RetryOptions
{
    /// <summary>First backoff ceiling; doubles per repeat on the same model, with full jitter.</summary>
    public TimeSpan BaseBackoff { get; set; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Retries may be at most this share of requests over <see cref="BudgetWindow"/> (plus the floor below).</summary>
    public double BudgetRatio { get; set; } = 0.2;

    /// <summary>Retries always allowed per second of window, so a quiet replica can still retry.</summary>
    public double BudgetMinPerSecond { get; set; } = 5;

    public TimeSpan BudgetWindow { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long to wait before re-routing when every candidate was refused locally and no hint says longer.</summary>
    public TimeSpan RerouteDelay { get; set; } = TimeSpan.FromMilliseconds(100);
}
