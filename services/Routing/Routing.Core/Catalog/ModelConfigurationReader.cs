using Platform.Routing.Vocabulary;

namespace Platform.Routing.Catalog;

/// <summary>Turns the configured catalog into model definitions, resolving <c>{service}</c> URL placeholders.</summary>
public static class ModelConfigurationReader
{
    public static IReadOnlyList<ModelDefinition> Read(IReadOnlyDictionary<string, ModelOptions> models, Func<string, string?> serviceUrl)
    {
        var result = new List<ModelDefinition>(models.Count);
        foreach (var (name, options) in models)
        {
            var model = ToDefinition(name, options, serviceUrl);
            try
            {
                ModelValidation.Validate(model);
            }
            catch (Completions.RoutingException e)
            {
                throw new InvalidOperationException($"Routing:Models:{name} is invalid: {e.Message}", e);
            }
            result.Add(model with { Etag = ModelEtags.ForConfiguration(model) });
        }
        return result;
    }

    private static ModelDefinition ToDefinition(string name, ModelOptions options, Func<string, string?> serviceUrl) => new()
    {
        Name = name,
        Provider = options.Provider ?? "",
        BaseUrl = ResolveBaseUrl(options.BaseUrl ?? "", serviceUrl),
        UpstreamModel = options.UpstreamModel ?? "",
        ApiKeySecretName = options.ApiKeySecret ?? "",
        InputMicrosPerMTok = options.InputPriceMicrosPerMTok,
        OutputMicrosPerMTok = options.OutputPriceMicrosPerMTok,
        RpmLimit = options.RpmLimit,
        TpmLimit = options.TpmLimit,
        MaxConcurrency = options.MaxConcurrency,
        ContextWindowTokens = options.ContextWindowTokens,
        MaxOutputTokens = options.MaxOutputTokens,
        Capabilities = ParseCapabilities(name, options.Capabilities),
        QualityClass = ParseEnum<QualityClass>(name, "QualityClass", options.QualityClass, "QUALITY_CLASS_"),
        Enabled = options.Enabled,
        Weight = options.Weight,
        Tags = [.. options.Tags],
        RequestTimeout = options.RequestTimeout,
        DisplayName = options.DisplayName ?? "",
    };

    /// <summary><c>{llm-sim}/v1</c> becomes <c>http://127.0.0.1:5199/v1</c> when llm-sim's endpoint is configured.</summary>
    public static string ResolveBaseUrl(string baseUrl, Func<string, string?> serviceUrl)
    {
        if (!baseUrl.StartsWith('{'))
            return baseUrl;
        var close = baseUrl.IndexOf('}');
        if (close < 0)
            return baseUrl;
        var service = baseUrl[1..close];
        var resolved = serviceUrl(service) ?? throw new InvalidOperationException(
            $"Base URL '{baseUrl}' names service '{service}', but services__{service}__http__0 is not configured.");
        return resolved.TrimEnd('/') + baseUrl[(close + 1)..];
    }

    private static List<Capability> ParseCapabilities(string model, List<string> names)
    {
        var capabilities = new List<Capability> { Capability.Chat };
        foreach (var name in names)
        {
            var capability = ParseEnum<Capability>(model, "Capabilities", name, "CAPABILITY_");
            if (!capabilities.Contains(capability))
                capabilities.Add(capability);
        }
        return capabilities;
    }

    private static T ParseEnum<T>(string model, string key, string? text, string protoPrefix) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
            return default;
        var trimmed = text.Trim();
        if (trimmed.StartsWith(protoPrefix, StringComparison.OrdinalIgnoreCase))
            trimmed = trimmed[protoPrefix.Length..];
        trimmed = trimmed.Replace("_", "", StringComparison.Ordinal);
        return Enum.TryParse<T>(trimmed, ignoreCase: true, out var value) && Enum.IsDefined(value)
            ? value
            : throw new InvalidOperationException($"Routing:Models:{model}:{key} has unknown value '{text}'.");
    }
}
