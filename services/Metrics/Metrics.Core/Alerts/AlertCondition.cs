using Platform.Metrics.V1;

namespace Platform.Metrics.Alerts;

/// <summary>A rule that holds right now, for one scope.</summary>
public sealed record AlertCondition(
    AlertKind Kind, AlertScope Scope, string ScopeId, double ObservedValue, double Threshold, string Unit,
    AlertSeverity Severity, string Message)
{
    public (AlertKind, AlertScope, string) Identity => (Kind, Scope, ScopeId);
}
