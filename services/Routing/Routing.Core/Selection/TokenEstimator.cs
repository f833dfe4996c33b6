using Platform.Routing.Requests;

namespace Platform.Routing.Selection;

/// <summary>
/// Estimates prompt tokens before a call (for limits, budget holds and context checks) with the usual
/// ~4 characters per token rule plus per-message framing, the same rule llm-sim counts with, so local
/// runs reserve exactly what the simulator bills. Real providers are corrected by the reported usage.
/// </summary>
public static class TokenEstimator
{
    public static long PromptTokens(IReadOnlyList<ChatMessage> messages)
    {
        long tokens = 3;
        foreach (var message in messages)
            tokens += 3 + (message.Content.Length + 3) / 4 + (string.IsNullOrEmpty(message.Name) ? 0 : 1);
        return tokens;
    }
}
