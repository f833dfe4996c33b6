namespace Platform.Metrics.Alerts;

/// <summary>Alert rules and their thresholds (configuration section <c>Metrics:Alerts</c>).</summary>
public sealed class AlertOptions
{
    public const string SectionName = "Metrics:Alerts";

    /// <summary>How often the rules are evaluated (by one replica at a time).</summary>
    public TimeSpan EvaluationInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The trailing span latency, rates and throughput are measured over (whole minutes).</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Fewer calls than this in the window (per model, or fleet-wide) say nothing about rates or latency.</summary>
    public int MinRequests { get; set; } = 20;

    public double P95LatencyThresholdMs { get; set; } = 2000;

    public double RateLimitThresholdPercent { get; set; } = 10;

    public double ErrorRateThresholdPercent { get; set; } = 5;

    /// <summary>An agent's budget utilisation at or above this fires (the budget service's warning level).</summary>
    public double BudgetUtilisationThresholdPercent { get; set; } = 80;

    /// <summary>Fleet requests per minute below this fire THROUGHPUT_LOW; 0 turns the rule off (the default, as the right floor depends on the fleet).</summary>
    public double ThroughputFloorPerMinute { get; set; }

    /// <summary>An observed value this many times its threshold (or a budget at 100%) is CRITICAL rather than WARNING.</summary>
    public double CriticalFactor { get; set; } = 2;

    /// <summary>A firing alert reports UPDATED when its severity changes or its value moves by this fraction.</summary>
    public double UpdateWhenValueMovesBy { get; set; } = 0.10;

    /// <summary>How often each replica looks for alert changes to stream to its WatchAlerts callers.</summary>
    public TimeSpan FeedPollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
