namespace Platform.Agents.Contexts;

/// <summary>The blocks a task references, acquired at submission: their total tokens and bytes.</summary>
public sealed record ContextUse(IReadOnlyList<string> Refs, long Tokens, long Bytes)
{
    public static readonly ContextUse None = new([], 0, 0);
}
