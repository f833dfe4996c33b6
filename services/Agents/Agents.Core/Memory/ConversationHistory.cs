namespace Platform.Agents.Memory;

/// <summary>
/// The turns a task produced, oldest first, kept only as far back as any window could still reach:
/// turns older than <see cref="RetainTokens"/> can never be sent again, so they are dropped and a task's
/// memory stays bounded however long it runs. Counts every turn ever added, to report what the window saved.
/// </summary>
public sealed class ConversationHistory(long retainTokens)
{
    private readonly Queue<ChatTurn> _turns = new();

    public long RetainTokens { get; } = retainTokens;

    /// <summary>Tokens of the retained turns.</summary>
    public long RetainedTokens { get; private set; }

    /// <summary>Tokens of every turn ever added, including those dropped.</summary>
    public long AllTokens { get; private set; }

    public int Count => _turns.Count;

    public IEnumerable<ChatTurn> Turns => _turns;

    public void Add(ChatTurn turn)
    {
        _turns.Enqueue(turn);
        RetainedTokens += turn.Tokens;
        AllTokens += turn.Tokens;
        while (RetainedTokens > RetainTokens && _turns.Count > 1)
            RetainedTokens -= _turns.Dequeue().Tokens;
    }

    /// <summary>The newest turns whose tokens fit <paramref name="budget"/>, oldest first (contiguous, never skipping).</summary>
    public (List<ChatTurn> Turns, long Tokens) Newest(long budget)
    {
        var picked = new List<ChatTurn>();
        long tokens = 0;
        foreach (var turn in _turns.Reverse())
        {
            if (tokens + turn.Tokens > budget)
                break;
            picked.Add(turn);
            tokens += turn.Tokens;
        }
        picked.Reverse();
        return (picked, tokens);
    }
}
