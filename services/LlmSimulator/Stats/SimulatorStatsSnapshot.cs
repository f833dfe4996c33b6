namespace Platform.LlmSimulator.Stats;

/// <summary>The body of <c>GET /control/stats</c>.</summary>
public sealed class SimulatorStatsSnapshot
{
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset Now { get; set; }

    /// <summary>Requests rejected before a model could be named: unparsable JSON or a missing model.</summary>
    public long RejectedBadRequest { get; set; }

    /// <summary>Requests naming a model the simulator does not serve (404).</summary>
    public long RejectedUnknownModel { get; set; }

    public SortedDictionary<string, ModelStatsSnapshot> Models { get; set; } = new(StringComparer.Ordinal);
}
