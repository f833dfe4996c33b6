namespace Platform.Routing.Tests.Infrastructure;

/// <summary>Builds <c>Routing:Models:*</c> settings for test catalogs (all models served by llm-sim).</summary>
public static class Catalogs
{
    public static void AddModel(this Dictionary<string, string?> settings, string name, string provider = "sim", long inputPrice = 1_000_000,
        long outputPrice = 2_000_000, string quality = "balanced", long contextWindow = 128_000, int rpm = 0, long tpm = 0, int maxConcurrency = 0,
        string timeout = "00:00:30", string[]? capabilities = null, string[]? tags = null, bool enabled = true, string baseUrl = "{llm-sim}/v1")
    {
        var prefix = $"Routing:Models:{name}:";
        settings[prefix + "Provider"] = provider;
        settings[prefix + "BaseUrl"] = baseUrl;
        settings[prefix + "InputPriceMicrosPerMTok"] = inputPrice.ToString();
        settings[prefix + "OutputPriceMicrosPerMTok"] = outputPrice.ToString();
        settings[prefix + "QualityClass"] = quality;
        settings[prefix + "ContextWindowTokens"] = contextWindow.ToString();
        settings[prefix + "RpmLimit"] = rpm.ToString();
        settings[prefix + "TpmLimit"] = tpm.ToString();
        settings[prefix + "MaxConcurrency"] = maxConcurrency.ToString();
        settings[prefix + "RequestTimeout"] = timeout;
        settings[prefix + "Enabled"] = enabled ? "true" : "false";
        var caps = capabilities ?? ["streaming"];
        for (var i = 0; i < caps.Length; i++)
            settings[$"{prefix}Capabilities:{i}"] = caps[i];
        var tagList = tags ?? [];
        for (var i = 0; i < tagList.Length; i++)
            settings[$"{prefix}Tags:{i}"] = tagList[i];
    }

    public static void AddFallbackChain(this Dictionary<string, string?> settings, string primary, params string[] fallbacks)
    {
        for (var i = 0; i < fallbacks.Length; i++)
            settings[$"Routing:FallbackChains:{primary}:{i}"] = fallbacks[i];
    }
}
