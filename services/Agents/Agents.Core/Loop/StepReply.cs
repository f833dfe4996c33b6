namespace Platform.Agents.Loop;

/// <summary>A completed step call: the reply and what it cost.</summary>
public sealed record StepReply(
    string Content,
    string Model,
    string Provider,
    long InputTokens,
    long OutputTokens,
    long CachedInputTokens,
    long CostMicros,
    int FallbackDepth,
    string RequestId)
{
    public long TotalTokens => InputTokens + OutputTokens;
}
