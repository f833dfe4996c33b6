using Platform.Metrics.V1;

namespace Platform.Metrics.Alerts;

/// <summary>An alert occurrence: from the evaluation that fired it until the one that resolved it.</summary>
public sealed record Alert(
    string AlertId,
    AlertKind Kind,
    AlertState State,
    AlertSeverity Severity,
    AlertScope Scope,
    string ScopeId,
    double ObservedValue,
    double Threshold,
    string Unit,
    string Message,
    DateTime StartTime,
    DateTime? EndTime,
    DateTime UpdateTime);

/// <summary>A change of an alert, in the order changes happened.</summary>
public sealed record AlertChangeEvent(long Sequence, AlertChange Change, Alert Alert);
