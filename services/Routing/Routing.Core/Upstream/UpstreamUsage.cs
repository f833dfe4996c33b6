namespace Platform.Routing.Upstream;

/// <summary>The provider's <c>usage</c> object.</summary>
public readonly record struct UpstreamUsage(long InputTokens, long OutputTokens, long CachedInputTokens)
{
    public long TotalTokens => InputTokens + OutputTokens;
}
