using Platform.Routing.Vocabulary;

namespace Platform.Routing.Selection;

/// <summary>What the router learned about a prompt: its size, purpose and difficulty.</summary>
public sealed record PromptProfile(long EstimatedInputTokens, TaskType TaskType, Complexity Complexity);
