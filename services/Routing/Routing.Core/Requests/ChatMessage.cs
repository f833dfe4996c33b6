using Platform.Routing.Vocabulary;

namespace Platform.Routing.Requests;

/// <summary>One message of a conversation, as sent upstream.</summary>
public sealed record ChatMessage(ChatRole Role, string Content, string? Name = null);
