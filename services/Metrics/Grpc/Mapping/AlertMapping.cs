using Google.Protobuf.WellKnownTypes;
using DomainAlert = Platform.Metrics.Alerts.Alert;

namespace Platform.Metrics.Grpc.Mapping;

internal static class AlertMapping
{
    public static V1.Alert ToProto(this DomainAlert alert) => new()
    {
        AlertId = alert.AlertId,
        Kind = alert.Kind,
        State = alert.State,
        Severity = alert.Severity,
        Scope = alert.Scope,
        ScopeId = alert.ScopeId,
        ObservedValue = alert.ObservedValue,
        Threshold = alert.Threshold,
        Unit = alert.Unit,
        Message = alert.Message,
        StartTime = Timestamp.FromDateTime(alert.StartTime),
        EndTime = alert.EndTime is { } end ? Timestamp.FromDateTime(end) : null,
        UpdateTime = Timestamp.FromDateTime(alert.UpdateTime),
    };
}
