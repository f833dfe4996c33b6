using System.Globalization;
using Platform.LlmSimulator.Hashing;
using Platform.LlmSimulator.Models;

namespace Platform.LlmSimulator.Generation;

/// <summary>
/// Builds a reply that is a pure function of (model profile, seed, messages, script): its length is
/// drawn between the profile's min and max completion tokens, then cut at max_tokens.
/// </summary>
public static class CompletionComposer
{
    public const string DoneMarker = "[DONE]";
    private const string SpacedDoneMarker = " " + DoneMarker;

    private static readonly string[] LoopReply =
        ["I", " will", " check", " the", " current", " status", " again", " before", " I", " continue", "."];

    private static readonly string[] TurnLabels = CreateTurnLabels(100);

    public static CompletionText Compose(ModelProfile profile, ConversationFacts facts, CompletionScript script, int? maxTokens)
    {
        if (script.Kind == ScriptKind.Loop)
        {
            var loop = new CompletionText(LoopReply.Length);
            foreach (var token in LoopReply)
            {
                loop.Add(token);
            }
            loop.Truncate(maxTokens);
            return loop;
        }

        var span = (ulong)(profile.MaxCompletionTokens - profile.MinCompletionTokens + 1);
        var target = profile.MinCompletionTokens + (int)(StableHash.Mix(facts.Hash) % span);
        var text = new CompletionText(Math.Min(target, maxTokens ?? int.MaxValue) + 8);

        switch (profile.Response)
        {
            case ResponseMode.Echo:
                text.Add("You said:");
                AddEcho(text, facts.LastUserContent);
                break;
            case ResponseMode.Answer:
                text.Add("Step");
                text.Add(TurnLabel(facts.Turn));
                AddPseudoText(text, facts.Hash, target);
                break;
            default:
                AddPseudoText(text, facts.Hash, target);
                break;
        }

        if (script.IsDoneOnTurn(facts.Turn))
        {
            text.Add(SpacedDoneMarker);
        }
        text.Truncate(maxTokens);
        return text;
    }

    /// <summary>Sentences of 6 to 14 words, until the text holds <paramref name="target"/> tokens.</summary>
    private static void AddPseudoText(CompletionText text, ulong hash, int target)
    {
        var sentenceStart = true;
        var index = 0;
        var wordsLeftInSentence = 0;
        var firstToken = text.Count == 0;
        while (text.Count < target)
        {
            var draw = StableHash.Draw(hash, index++);
            if (wordsLeftInSentence == 0 && !sentenceStart)
            {
                text.Add(".");
                sentenceStart = true;
                continue;
            }
            if (sentenceStart)
            {
                wordsLeftInSentence = 6 + (int)((draw >> 32) % 9);
                var word = Vocabulary.CapitalisedWord((int)(draw % (ulong)Vocabulary.Count));
                // No leading space at the very start of the reply.
                text.Add(firstToken ? word[1..] : word);
                sentenceStart = false;
            }
            else
            {
                text.Add(Vocabulary.Word((int)(draw % (ulong)Vocabulary.Count)));
            }
            firstToken = false;
            wordsLeftInSentence--;
        }
    }

    /// <summary>The last user message, one token per word with its preceding whitespace; never [DONE], which only a script may say.</summary>
    private static void AddEcho(CompletionText text, string? content)
    {
        if (string.IsNullOrEmpty(content))
        {
            return;
        }
        var memory = content.AsMemory();
        var start = 0;
        var i = 0;
        while (i < content.Length)
        {
            while (i < content.Length && char.IsWhiteSpace(content[i]))
            {
                i++;
            }
            while (i < content.Length && !char.IsWhiteSpace(content[i]))
            {
                i++;
            }
            var token = memory[start..i];
            if (!token.Span.Contains(DoneMarker, StringComparison.Ordinal))
            {
                // The first word gets the space that separates it from "You said:".
                text.Add(start == 0 && token.Length > 0 && !char.IsWhiteSpace(content[0]) ? (" " + token).AsMemory() : token);
            }
            start = i;
        }
    }

    private static ReadOnlyMemory<char> TurnLabel(int turn) =>
        (turn < TurnLabels.Length ? TurnLabels[turn] : string.Create(CultureInfo.InvariantCulture, $" {turn}:")).AsMemory();

    private static string[] CreateTurnLabels(int count)
    {
        var labels = new string[count];
        for (var i = 0; i < count; i++)
        {
            labels[i] = string.Create(CultureInfo.InvariantCulture, $" {i}:");
        }
        return labels;
    }
}
