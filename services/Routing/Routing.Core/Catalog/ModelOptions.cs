namespace Platform.Routing.Catalog;

/// <summary>
/// A model as written in configuration (<c>Routing:Models:&lt;name&gt;</c>). Prices are micro-dollars per
/// million tokens; <c>BaseUrl</c> may start with <c>{service-name}</c>, replaced by that service's
/// <c>services__&lt;name&gt;__http__0</c> endpoint (e.g. <c>{llm-sim}/v1</c>).
/// </summary>
public sealed class ModelOptions
{
    public string? Provider { get; set; }
    public string? BaseUrl { get; set; }
    public string? UpstreamModel { get; set; }
    public string? ApiKeySecret { get; set; }
    public long InputPriceMicrosPerMTok { get; set; }
    public long OutputPriceMicrosPerMTok { get; set; }
    public int RpmLimit { get; set; }
    public long TpmLimit { get; set; }
    public int MaxConcurrency { get; set; }
    public long ContextWindowTokens { get; set; } = 128_000;
    public int MaxOutputTokens { get; set; }
    public List<string> Capabilities { get; set; } = [];
    public string? QualityClass { get; set; }
    public bool Enabled { get; set; } = true;
    public int Weight { get; set; }
    public List<string> Tags { get; set; } = [];
    public TimeSpan? RequestTimeout { get; set; }
    public string? DisplayName { get; set; }
}
