using Platform.Routing.Vocabulary;

namespace Platform.Routing.Health;

/// <summary>A model's shared health and load as last read from Redis (all replicas), plus this replica's adaptive limit.</summary>
public sealed record ModelHealthSnapshot
{
    public required string Model { get; init; }
    public BreakerState Breaker { get; init; } = BreakerState.Closed;
    public DateTime? BreakerChangeTime { get; init; }
    public DateTime? OpenUntil { get; init; }
    public int ConsecutiveFailures { get; init; }
    public int InFlight { get; init; }
    public double P50LatencyMs { get; init; }
    public double P95LatencyMs { get; init; }
    public double P50TimeToFirstTokenMs { get; init; }
    public double ErrorRatePercent { get; init; }
    public long RequestCount { get; init; }
    public int RpmUsed { get; init; }
    public long TpmUsed { get; init; }
    public DateTime? LastSuccessTime { get; init; }
    public DateTime? LastFailureTime { get; init; }
    public string LastError { get; init; } = "";
    public TimeSpan Window { get; init; }

    /// <summary>Whether the breaker keeps the model out at <paramref name="now"/> (an open breaker past its cooldown admits a probe).</summary>
    public bool IsOpenAt(DateTime now) => Breaker == BreakerState.Open && OpenUntil is { } until && until > now;

    public static ModelHealthSnapshot Unknown(string model) => new() { Model = model };
}
