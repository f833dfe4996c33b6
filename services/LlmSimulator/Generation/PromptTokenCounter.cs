using Platform.LlmSimulator.OpenAi;

namespace Platform.LlmSimulator.Generation;

/// <summary>
/// prompt_tokens = 3 (reply priming) + for each message: 3 + ceil(content characters / 4) + 1 if it has a name.
/// Close to OpenAI's published counting rule of thumb, and cheap and deterministic.
/// </summary>
public static class PromptTokenCounter
{
    public const int ReplyPriming = 3;
    public const int PerMessage = 3;
    public const int PerName = 1;

    public static int Count(IReadOnlyList<ChatMessage> messages)
    {
        var tokens = ReplyPriming;
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            tokens += PerMessage + CharactersToTokens(message.Content?.Length ?? 0);
            if (message.Name is not null)
            {
                tokens += PerName;
            }
        }
        return tokens;
    }

    public static int CharactersToTokens(int characters) => (characters + 3) / 4;
}
