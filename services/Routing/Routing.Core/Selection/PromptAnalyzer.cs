using System.Buffers;
using Platform.Routing.Requests;
using Platform.Routing.Vocabulary;

namespace Platform.Routing.Selection;

/// <summary>
/// Infers task type and complexity from the prompt when the caller does not say: code markers, reasoning
/// and classification cues, technical vocabulary and length. Cheap: one pass over the last user turn.
/// </summary>
public static class PromptAnalyzer
{
    private static readonly SearchValues<string> CodeCues = Cues(["```", "def ", "function ", "class ", "public static", "#include", "import ", "=> {", "select * from", "stack trace", "compile", "refactor", "unit test", "regex"]);
    private static readonly SearchValues<string> ReasoningCues = Cues(["step by step", "prove", "why ", "plan ", "analy", "reason", "derive", "trade-off", "tradeoff", "compare", "evaluate", "strategy"]);
    private static readonly SearchValues<string> ClassificationCues = Cues(["classify", "categor", "label", "sentiment", "yes or no", "true or false", "extract", "which of the following", "tag this", "is this spam"]);
    private static readonly SearchValues<string> ContentCues = Cues(["write", "summar", "translate", "draft", "rewrite", "article", "blog", "email", "story", "paraphrase"]);
    private static readonly string[] TechnicalTerms = ["algorithm", "complexity", "latency", "throughput", "database", "kubernetes", "concurrency", "distributed", "protocol", "architecture", "theorem", "equation", "integral", "api", "schema", "transaction", "gradient"];

    public static PromptProfile Analyze(IReadOnlyList<ChatMessage> messages, RoutingHints hints)
    {
        var tokens = TokenEstimator.PromptTokens(messages);
        var text = LastUserText(messages);
        var taskType = hints.TaskType != TaskType.Unspecified ? hints.TaskType : InferTaskType(text);
        var complexity = hints.Complexity != Complexity.Unspecified ? hints.Complexity : InferComplexity(text, tokens);
        return new PromptProfile(tokens, taskType, complexity);
    }

    public static TaskType InferTaskType(string text)
    {
        if (ContainsAny(text, CodeCues))
            return TaskType.Code;
        if (ContainsAny(text, ClassificationCues))
            return TaskType.Classification;
        if (ContainsAny(text, ReasoningCues))
            return TaskType.Reasoning;
        if (ContainsAny(text, ContentCues))
            return TaskType.Content;
        return TaskType.General;
    }

    public static Complexity InferComplexity(string text, long promptTokens)
    {
        var technical = TechnicalTerms.Count(term => text.Contains(term, StringComparison.OrdinalIgnoreCase));
        var hasCode = text.Contains("```", StringComparison.Ordinal);
        if (promptTokens > 2_000 || technical >= 4 || (hasCode && promptTokens > 500))
            return Complexity.High;
        if (promptTokens > 400 || technical >= 2 || hasCode)
            return Complexity.Medium;
        return Complexity.Low;
    }

    private static string LastUserText(IReadOnlyList<ChatMessage> messages)
    {
        for (var i = messages.Count - 1; i >= 0; i--)
        {
            if (messages[i].Role == ChatRole.User)
                return messages[i].Content;
        }
        return messages.Count > 0 ? messages[^1].Content : "";
    }

    // One vectorized multi-string search per category instead of a scan per cue.
    private static bool ContainsAny(string text, SearchValues<string> cues) => text.AsSpan().ContainsAny(cues);

    private static SearchValues<string> Cues(string[] cues) => SearchValues.Create(cues, StringComparison.OrdinalIgnoreCase);
}
