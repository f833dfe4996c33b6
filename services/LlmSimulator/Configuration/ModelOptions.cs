namespace Platform.LlmSimulator.Configuration;

/// <summary>
/// One model's settings (<c>Simulator:Models:&lt;name&gt;</c> or <c>Simulator:Defaults</c>).
/// Every property is optional: unset means "inherit from Defaults".
/// </summary>
public sealed class ModelOptions
{
    /// <summary>The <c>owned_by</c> shown by <c>/v1/models</c>.</summary>
    public string? OwnedBy { get; set; }

    public string? ApiKey { get; set; }

    /// <summary><c>answer</c>, <c>echo</c> or <c>lorem</c> (see README).</summary>
    public string? Response { get; set; }

    /// <summary><c>none</c>, <c>done-after:N</c>, <c>loop</c> or <c>never-done</c>.</summary>
    public string? Script { get; set; }

    public int? MinCompletionTokens { get; set; }

    public int? MaxCompletionTokens { get; set; }

    /// <summary>Total latency of a non-streaming reply.</summary>
    public LatencyOptions? Latency { get; set; }

    /// <summary>Streaming: delay before the first token.</summary>
    public LatencyOptions? TimeToFirstToken { get; set; }

    /// <summary>Streaming: delay between tokens.</summary>
    public LatencyOptions? PerToken { get; set; }

    public FaultOptions? Faults { get; set; }
}
