using Google.Protobuf.WellKnownTypes;
using Platform.Metrics.Reports;
using Platform.Metrics.V1;

namespace Platform.Metrics.Grpc.Mapping;

internal static class SnapshotMapping
{
    public static MetricsSnapshot ToProto(this LiveSnapshot snapshot, int firingAlerts) => new()
    {
        SnapshotTime = Timestamp.FromDateTime(snapshot.Time),
        Lookback = Duration.FromTimeSpan(snapshot.Lookback),
        Fleet = snapshot.Fleet.ToProto(),
        RequestsPerSecond = snapshot.RequestsPerSecond,
        TokensPerSecond = snapshot.TokensPerSecond,
        CostTodayMicros = snapshot.CostTodayMicros,
        Models = { snapshot.Models.Select(m => m.ToProto()) },
        Agents = { snapshot.Agents.Select(a => a.ToProto()) },
        FiringAlertCount = firingAlerts,
    };
}
