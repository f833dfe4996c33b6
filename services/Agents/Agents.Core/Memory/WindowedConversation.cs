namespace Platform.Agents.Memory;

/// <summary>A step's conversation after the memory window: what is sent, its size, and what was left out.</summary>
public sealed record WindowedConversation(IReadOnlyList<ChatTurn> Messages, long Tokens, long HistoryTokensSent, long HistoryTokensSaved);
