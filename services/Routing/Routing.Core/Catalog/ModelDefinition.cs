using Platform.Routing.Vocabulary;

namespace Platform.Routing.Catalog;

/// <summary>One model the gateway can route to: where it lives, what it costs, its limits and abilities.</summary>
public sealed record ModelDefinition
{
    public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(60);

    public required string Name { get; init; }
    public required string Provider { get; init; }
    public required string BaseUrl { get; init; }
    public string UpstreamModel { get; init; } = "";

    /// <summary>Name of the secret holding the API key; the key itself is resolved at call time and never stored here.</summary>
    public string ApiKeySecretName { get; init; } = "";

    public long InputMicrosPerMTok { get; init; }
    public long OutputMicrosPerMTok { get; init; }
    public int RpmLimit { get; init; }
    public long TpmLimit { get; init; }
    public int MaxConcurrency { get; init; }
    public long ContextWindowTokens { get; init; }
    public int MaxOutputTokens { get; init; }
    public IReadOnlyList<Capability> Capabilities { get; init; } = [Capability.Chat];
    public QualityClass QualityClass { get; init; }
    public bool Enabled { get; init; } = true;
    public int Weight { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public TimeSpan? RequestTimeout { get; init; }
    public string DisplayName { get; init; } = "";

    // Output-only, filled by the catalog.
    public DateTime? CreateTime { get; init; }
    public DateTime? UpdateTime { get; init; }
    public string Etag { get; init; } = "";

    /// <summary>The model name sent upstream.</summary>
    public string WireModel => UpstreamModel.Length > 0 ? UpstreamModel : Name;

    public int EffectiveWeight => Weight == 0 ? 100 : Weight;

    public TimeSpan EffectiveRequestTimeout => RequestTimeout ?? DefaultRequestTimeout;

    public QualityClass EffectiveQuality => QualityClass == QualityClass.Unspecified ? QualityClass.Balanced : QualityClass;

    /// <summary>Largest max_tokens the model accepts (requests above it are clamped).</summary>
    public int OutputCap => MaxOutputTokens > 0 ? MaxOutputTokens : (int)Math.Min(ContextWindowTokens, int.MaxValue);

    /// <summary>Every model chats; the rest must be declared.</summary>
    public bool Has(Capability capability) => capability == Capability.Chat || Capabilities.Contains(capability);

    public bool HasTag(string tag) => Tags.Contains(tag, StringComparer.OrdinalIgnoreCase);

    public long CostMicros(long inputTokens, long outputTokens) =>
        Cost.Micros(inputTokens, outputTokens, InputMicrosPerMTok, OutputMicrosPerMTok);
}
