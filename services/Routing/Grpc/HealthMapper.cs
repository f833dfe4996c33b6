using Google.Protobuf.WellKnownTypes;
using Platform.Routing.Health;
using Platform.Routing.V1;

namespace Platform.Routing.Grpc;

internal static class HealthMapper
{
    public static ModelHealth ToProto(ModelHealthView view)
    {
        var health = view.Health;
        var proto = new ModelHealth
        {
            Model = view.Model.Name,
            Provider = view.Model.Provider,
            BreakerState = (BreakerState)(int)health.Breaker,
            ConsecutiveFailures = health.ConsecutiveFailures,
            ConcurrencyLimit = Math.Max(1, view.ConcurrencyLimit),
            MaxConcurrency = view.Model.MaxConcurrency,
            InFlight = health.InFlight,
            P50LatencyMs = health.P50LatencyMs,
            P95LatencyMs = health.P95LatencyMs,
            P50TimeToFirstTokenMs = health.P50TimeToFirstTokenMs,
            ErrorRatePercent = health.ErrorRatePercent,
            RpmUsed = health.RpmUsed,
            RpmLimit = view.Model.RpmLimit,
            TpmUsed = health.TpmUsed,
            TpmLimit = view.Model.TpmLimit,
            RequestCount = health.RequestCount,
            Window = Duration.FromTimeSpan(health.Window),
            LastError = health.LastError,
            Enabled = view.Model.Enabled,
        };
        if (health.BreakerChangeTime is { } changed)
            proto.BreakerChangeTime = Timestamp.FromDateTime(changed);
        if (health.OpenUntil is { } openUntil && health.Breaker == Vocabulary.BreakerState.Open)
            proto.OpenUntilTime = Timestamp.FromDateTime(openUntil);
        if (health.LastSuccessTime is { } success)
            proto.LastSuccessTime = Timestamp.FromDateTime(success);
        if (health.LastFailureTime is { } failure)
            proto.LastFailureTime = Timestamp.FromDateTime(failure);
        return proto;
    }
}
