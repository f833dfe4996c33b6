namespace Platform.Routing.Completions;

/// <summary>Tokens of the successful attempt.</summary>
public sealed record CompletionUsage(long InputTokens, long OutputTokens, long CachedInputTokens)
{
    public long TotalTokens => InputTokens + OutputTokens;
}
