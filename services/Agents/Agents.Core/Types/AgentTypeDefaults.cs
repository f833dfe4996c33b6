namespace Platform.Agents.Types;

/// <summary>Loop defaults applied when a type or task leaves a value at 0 (see agents_resources.proto).</summary>
public static class AgentTypeDefaults
{
    public const int MaxIterations = 100;
    public const int MaxIterationsLimit = 1000;
    public const long MemoryWindowTokens = 8192;
    public const long MinMemoryWindowTokens = 1024;
    public const long MaxMemoryWindowTokens = 2_000_000;
    public const int LoopDetectionRepeats = 3;
    public const int MaxTokensPerStep = 1024;
    public static readonly IReadOnlyList<string> CompletionMarkers = ["[DONE]", "[COMPLETE]"];
}
