namespace Platform.LlmSimulator.Generation;

/// <summary>
/// The words pseudo-text is made of. Each is stored once with its leading space (" word"), plus a
/// capitalised copy for sentence starts, so generating text never allocates a string per token.
/// </summary>
public static class Vocabulary
{
    private static readonly string[] Words =
    [
        "the", "system", "request", "model", "agent", "budget", "token", "result", "data", "step",
        "check", "service", "value", "response", "queue", "task", "plan", "next", "first", "then",
        "should", "will", "can", "must", "need", "use", "find", "read", "write", "update",
        "order", "payment", "customer", "product", "search", "report", "summary", "analysis", "record", "status",
        "input", "output", "error", "retry", "limit", "rate", "window", "latency", "cost", "price",
        "and", "or", "with", "without", "before", "after", "for", "from", "into", "about",
        "a", "an", "this", "that", "each", "every", "some", "all", "more", "less",
        "is", "are", "was", "be", "has", "have", "looks", "seems", "remains", "becomes",
        "quickly", "carefully", "again", "now", "later", "already", "still", "also", "only", "just",
        "current", "previous", "final", "partial", "complete", "valid", "stable", "simple", "large", "small",
        "database", "cache", "stream", "event", "message", "context", "memory", "prompt", "answer", "question",
        "verify", "compare", "collect", "compute", "send", "receive", "store", "load", "parse", "format",
        "account", "invoice", "shipment", "ticket", "query", "index", "table", "field", "column", "row",
        "user", "team", "owner", "policy", "rule", "tier", "priority", "share", "total", "average",
    ];

    private static readonly string[] Spaced = Prefix(Words, capitalise: false);
    private static readonly string[] SpacedCapitalised = Prefix(Words, capitalise: true);

    public static int Count => Words.Length;

    /// <summary>" word" (with its leading space).</summary>
    public static ReadOnlyMemory<char> Word(int index) => Spaced[index].AsMemory();

    /// <summary>" Word"; slice off the space at the very start of a text.</summary>
    public static ReadOnlyMemory<char> CapitalisedWord(int index) => SpacedCapitalised[index].AsMemory();

    private static string[] Prefix(string[] words, bool capitalise)
    {
        var result = new string[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            result[i] = capitalise ? " " + char.ToUpperInvariant(word[0]) + word[1..] : " " + word;
        }
        return result;
    }
}
