using Platform.Metrics.V1;

namespace Platform.Metrics.Alerts;

/// <summary>Lower-case names of alert enums, for labels and JSON.</summary>
public static class AlertNames
{
    public static string Kind(AlertKind kind) => kind switch
    {
        AlertKind.P95LatencyHigh => "p95_latency_high",
        AlertKind.RateLimitHigh => "rate_limit_high",
        AlertKind.BudgetUtilisationHigh => "budget_utilisation_high",
        AlertKind.ThroughputLow => "throughput_low",
        AlertKind.ErrorRateHigh => "error_rate_high",
        _ => "unspecified",
    };

    public static string Severity(AlertSeverity severity) => severity == AlertSeverity.Critical ? "critical" : "warning";

    public static string Scope(AlertScope scope) => scope switch
    {
        AlertScope.Fleet => "fleet",
        AlertScope.Model => "model",
        AlertScope.Agent => "agent",
        AlertScope.Provider => "provider",
        _ => "unspecified",
    };
}
