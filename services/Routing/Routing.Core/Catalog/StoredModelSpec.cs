using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.Routing.Vocabulary;

namespace Platform.Routing.Catalog;

/// <summary>The configurable fields of a model as stored in PostgreSQL (jsonb) and compared for "identical spec".</summary>
public sealed class StoredModelSpec
{
    public string Provider { get; set; } = "";
    public string BaseUrl { get; set; } = "";
    public string UpstreamModel { get; set; } = "";
    public string ApiKeySecretName { get; set; } = "";
    public long InputMicrosPerMTok { get; set; }
    public long OutputMicrosPerMTok { get; set; }
    public int RpmLimit { get; set; }
    public long TpmLimit { get; set; }
    public int MaxConcurrency { get; set; }
    public long ContextWindowTokens { get; set; }
    public int MaxOutputTokens { get; set; }
    public List<int> Capabilities { get; set; } = [];
    public int QualityClass { get; set; }
    public bool Enabled { get; set; }
    public int Weight { get; set; }
    public List<string> Tags { get; set; } = [];
    public long? RequestTimeoutMs { get; set; }
    public string DisplayName { get; set; } = "";

    /// <summary>Canonical JSON: capabilities sorted and unique, so equal specs serialize equally.</summary>
    public static string Serialize(ModelDefinition model) => JsonSerializer.Serialize(From(model), StoredModelJson.Default.StoredModelSpec);

    public static StoredModelSpec From(ModelDefinition model) => new()
    {
        Provider = model.Provider,
        BaseUrl = model.BaseUrl,
        UpstreamModel = model.UpstreamModel,
        ApiKeySecretName = model.ApiKeySecretName,
        InputMicrosPerMTok = model.InputMicrosPerMTok,
        OutputMicrosPerMTok = model.OutputMicrosPerMTok,
        RpmLimit = model.RpmLimit,
        TpmLimit = model.TpmLimit,
        MaxConcurrency = model.MaxConcurrency,
        ContextWindowTokens = model.ContextWindowTokens,
        MaxOutputTokens = model.MaxOutputTokens,
        Capabilities = model.Capabilities.Append(Capability.Chat).Select(c => (int)c).Distinct().Order().ToList(),
        QualityClass = (int)model.QualityClass,
        Enabled = model.Enabled,
        Weight = model.Weight,
        Tags = [.. model.Tags],
        RequestTimeoutMs = model.RequestTimeout is { } t ? (long)t.TotalMilliseconds : null,
        DisplayName = model.DisplayName,
    };

    public static ModelDefinition Deserialize(string name, string json)
    {
        var spec = JsonSerializer.Deserialize(json, StoredModelJson.Default.StoredModelSpec)
            ?? throw new InvalidOperationException($"Stored model '{name}' has an empty spec.");
        return new ModelDefinition
        {
            Name = name,
            Provider = spec.Provider,
            BaseUrl = spec.BaseUrl,
            UpstreamModel = spec.UpstreamModel,
            ApiKeySecretName = spec.ApiKeySecretName,
            InputMicrosPerMTok = spec.InputMicrosPerMTok,
            OutputMicrosPerMTok = spec.OutputMicrosPerMTok,
            RpmLimit = spec.RpmLimit,
            TpmLimit = spec.TpmLimit,
            MaxConcurrency = spec.MaxConcurrency,
            ContextWindowTokens = spec.ContextWindowTokens,
            MaxOutputTokens = spec.MaxOutputTokens,
            Capabilities = spec.Capabilities.Select(c => (Capability)c).ToList(),
            QualityClass = (QualityClass)spec.QualityClass,
            Enabled = spec.Enabled,
            Weight = spec.Weight,
            Tags = spec.Tags,
            RequestTimeout = spec.RequestTimeoutMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null,
            DisplayName = spec.DisplayName,
        };
    }
}

[JsonSerializable(typeof(StoredModelSpec))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
internal sealed partial class StoredModelJson : JsonSerializerContext;
