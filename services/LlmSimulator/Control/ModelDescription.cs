using Platform.LlmSimulator.Configuration;

namespace Platform.LlmSimulator.Control;

/// <summary>One model as shown by <c>GET /control/models</c>: settings in force and pending scheduled faults.</summary>
public sealed class ModelDescription
{
    public required string Name { get; init; }
    public bool Configured { get; init; }
    public required string Response { get; init; }
    public required string Script { get; init; }
    public bool RequiresApiKey { get; init; }
    public int MinCompletionTokens { get; init; }
    public int MaxCompletionTokens { get; init; }
    public required LatencyOptions Latency { get; init; }
    public required LatencyOptions TimeToFirstToken { get; init; }
    public required LatencyOptions PerToken { get; init; }
    public required FaultOptions Faults { get; init; }
    public int PendingScheduledFaults { get; init; }
}
