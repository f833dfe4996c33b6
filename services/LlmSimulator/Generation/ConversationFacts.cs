using Platform.LlmSimulator.Hashing;
using Platform.LlmSimulator.OpenAi;

namespace Platform.LlmSimulator.Generation;

/// <summary>What the composer needs to know about a conversation, gathered in one pass over the messages.</summary>
public readonly record struct ConversationFacts(ulong Hash, int AssistantTurns, string? LastUserContent, CompletionScript? Directive)
{
    /// <summary>The turn being answered: 1 for the first assistant reply.</summary>
    public int Turn => AssistantTurns + 1;

    public static ConversationFacts Gather(string model, long? seed, IReadOnlyList<ChatMessage> messages)
    {
        var hash = StableHash.Add(StableHash.Start, seed ?? 0);
        hash = StableHash.Add(hash, model);
        var assistantTurns = 0;
        string? lastUser = null;
        CompletionScript? directive = null;
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            // The separators keep ("ab","c") and ("a","bc") apart.
            hash = StableHash.Add(hash, message.Role);
            hash = StableHash.Add(hash, "\u001f");
            hash = StableHash.Add(hash, message.Content);
            hash = StableHash.Add(hash, "\u001e");
            if (message.Role == "assistant")
            {
                assistantTurns++;
            }
            else if (message.Role == "user")
            {
                lastUser = message.Content;
            }
            if (directive is null && CompletionScript.TryFindDirective(message.Content, out var found))
            {
                directive = found;
            }
        }
        return new ConversationFacts(hash, assistantTurns, lastUser, directive);
    }
}
