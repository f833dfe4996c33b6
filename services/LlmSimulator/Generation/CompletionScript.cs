using System.Globalization;

namespace Platform.LlmSimulator.Generation;

/// <summary>
/// How replies progress over an agent conversation, written as <c>none</c>, <c>done-after:N</c>,
/// <c>loop</c> or <c>never-done</c> in configuration, the <c>x-sim-script</c> header or a
/// <c>[[sim:...]]</c> directive inside a message.
/// </summary>
public readonly record struct CompletionScript(ScriptKind Kind, int Turns = 0)
{
    public const string HeaderName = "x-sim-script";
    public const string DirectiveStart = "[[sim:";
    public const string DirectiveEnd = "]]";

    public static readonly CompletionScript None = new(ScriptKind.None);

    /// <summary>True when the reply on this turn (1 = first assistant reply) must end with [DONE].</summary>
    public bool IsDoneOnTurn(int turn) => Kind == ScriptKind.DoneAfter && turn >= Turns;

    public static bool TryParse(ReadOnlySpan<char> text, out CompletionScript script)
    {
        script = None;
        text = text.Trim();
        var separator = text.IndexOfAny(':', '=');
        var name = separator < 0 ? text : text[..separator].Trim();
        var argument = separator < 0 ? ReadOnlySpan<char>.Empty : text[(separator + 1)..].Trim();

        if (name.Equals("done-after", StringComparison.OrdinalIgnoreCase) || name.Equals("done_after", StringComparison.OrdinalIgnoreCase))
        {
            if (!int.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out var turns) || turns < 1)
            {
                return false;
            }
            script = new CompletionScript(ScriptKind.DoneAfter, turns);
            return true;
        }
        if (!argument.IsEmpty)
        {
            return false;
        }
        if (name.Equals("loop", StringComparison.OrdinalIgnoreCase))
        {
            script = new CompletionScript(ScriptKind.Loop);
            return true;
        }
        if (name.Equals("never-done", StringComparison.OrdinalIgnoreCase) || name.Equals("never_done", StringComparison.OrdinalIgnoreCase))
        {
            script = new CompletionScript(ScriptKind.NeverDone);
            return true;
        }
        return name.Equals("none", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Finds the first <c>[[sim:...]]</c> directive in a message, if any.</summary>
    public static bool TryFindDirective(string? content, out CompletionScript script)
    {
        script = None;
        if (content is null)
        {
            return false;
        }
        var start = content.IndexOf(DirectiveStart, StringComparison.Ordinal);
        if (start < 0)
        {
            return false;
        }
        var body = content.AsSpan(start + DirectiveStart.Length);
        var end = body.IndexOf(DirectiveEnd, StringComparison.Ordinal);
        return end >= 0 && TryParse(body[..end], out script);
    }

    public override string ToString() => Kind switch
    {
        ScriptKind.DoneAfter => string.Create(CultureInfo.InvariantCulture, $"done-after:{Turns}"),
        ScriptKind.Loop => "loop",
        ScriptKind.NeverDone => "never-done",
        _ => "none",
    };
}
