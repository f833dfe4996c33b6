using Platform.Common.V1;
using Platform.Metrics.V1;

namespace Platform.Metrics.Telemetry;

/// <summary>Label values as they appear on /metrics (documented in services/Metrics/README.md).</summary>
public static class MetricLabels
{
    public const string MeterName = "Platform.Metrics";

    public static string Status(CallStatus status) => status switch
    {
        CallStatus.Ok => "ok",
        CallStatus.RateLimited => "rate_limited",
        CallStatus.Error => "error",
        CallStatus.Timeout => "timeout",
        CallStatus.BudgetDenied => "budget_denied",
        CallStatus.Cancelled => "cancelled",
        _ => "unknown",
    };

    public static string Tier(Tier tier) => tier switch
    {
        Common.V1.Tier.Critical => "critical",
        Common.V1.Tier.High => "high",
        Common.V1.Tier.Medium => "medium",
        Common.V1.Tier.Low => "low",
        _ => "unspecified",
    };
}
