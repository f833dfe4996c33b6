namespace Platform.LlmSimulator.Configuration;

/// <summary>The <c>Simulator</c> configuration section.</summary>
public sealed class SimulatorOptions
{
    public const string SectionName = "Simulator";

    /// <summary>
    /// When true, any model name is served with the <see cref="Defaults"/> profile, so a gateway's
    /// catalog can name models the simulator was never told about.
    /// </summary>
    public bool AcceptAnyModel { get; set; } = true;

    /// <summary>Upper bound on distinct model names created on the fly, so a misbehaving client cannot grow memory without limit.</summary>
    public int MaxDynamicModels { get; set; } = 1000;

    /// <summary>When set, requests must carry <c>Authorization: Bearer &lt;key&gt;</c> (a model may override it).</summary>
    public string? ApiKey { get; set; }

    /// <summary>Multiplies every configured latency (0 turns all latency off; hangs are not affected).</summary>
    public double LatencyScale { get; set; } = 1.0;

    /// <summary>Settings every model starts from; a model's own settings replace them property by property.</summary>
    public ModelOptions Defaults { get; set; } = new();

    public Dictionary<string, ModelOptions> Models { get; set; } = new(StringComparer.Ordinal);
}
