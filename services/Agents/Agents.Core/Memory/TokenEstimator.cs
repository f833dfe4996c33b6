namespace Platform.Agents.Memory;

/// <summary>
/// The platform's approximate tokenizer: about four characters per token, plus the per-message framing
/// that chat APIs add (the same rule the local simulator bills by, so estimates and bills agree there;
/// real providers differ by a few percent).
/// </summary>
public static class TokenEstimator
{
    public const int ConversationOverhead = 3;
    public const int MessageOverhead = 3;

    public static long Text(string text) => (text.Length + 3) / 4;

    public static long Message(ChatTurn turn) => MessageOverhead + Text(turn.Content) + (turn.Name is { Length: > 0 } ? 1 : 0);
}
