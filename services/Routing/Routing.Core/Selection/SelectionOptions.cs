using Platform.Routing.Vocabulary;

namespace Platform.Routing.Selection;

/// <summary>Selection settings from <c>Routing</c>: the default strategy and the fallback chains.</summary>
public sealed class SelectionOptions
{
    /// <summary>Strategy used when a request does not name one.</summary>
    public Strategy DefaultStrategy { get; set; } = Strategy.Policy;

    /// <summary>Fallback chain per primary model: <c>Routing:FallbackChains:deepseek-v3.2 = [gemini-2.5-flash, claude-sonnet-4.5]</c>.</summary>
    public Dictionary<string, List<string>> FallbackChains { get; set; } = new(StringComparer.Ordinal);

    /// <summary>After the configured chain, other eligible models (best score first) may follow.</summary>
    public bool ExtendChainsWithEligible { get; set; } = true;

    /// <summary>Longest chain a request walks (primary included).</summary>
    public int MaxChainLength { get; set; } = 4;
}
