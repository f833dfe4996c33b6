namespace Platform.Agents.Memory;

/// <summary>
/// The sliding window by tokens. A step's conversation is: the pinned messages (system prompt, then
/// shared context blocks, then the goal), the newest history turns that still fit, and the phase
/// instruction last. Pinned messages and the instruction are always sent; history is dropped oldest
/// first; the total never exceeds the bound.
/// </summary>
public sealed class MemoryWindow
{
    public MemoryWindow(long boundTokens, IReadOnlyList<ChatTurn> pinned)
    {
        BoundTokens = boundTokens;
        Pinned = pinned;
        PinnedTokens = TokenEstimator.ConversationOverhead + pinned.Sum(turn => turn.Tokens);
    }

    public long BoundTokens { get; }
    public IReadOnlyList<ChatTurn> Pinned { get; }

    /// <summary>Pinned messages plus the conversation framing.</summary>
    public long PinnedTokens { get; }

    /// <summary>True when the pinned part and an instruction of <paramref name="instructionTokens"/> fit the bound.</summary>
    public bool Fits(long instructionTokens) => PinnedTokens + instructionTokens <= BoundTokens;

    /// <summary>How many history tokens any step could still send (older turns can be forgotten).</summary>
    public long HistoryCapacity => Math.Max(0, BoundTokens - PinnedTokens);

    public WindowedConversation Build(ConversationHistory history, ChatTurn instruction)
    {
        var budget = BoundTokens - PinnedTokens - instruction.Tokens;
        if (budget < 0)
            throw new InvalidOperationException($"The pinned messages and the instruction ({PinnedTokens + instruction.Tokens} tokens) exceed the window ({BoundTokens}).");

        var (turns, historyTokens) = history.Newest(budget);
        var messages = new List<ChatTurn>(Pinned.Count + turns.Count + 1);
        messages.AddRange(Pinned);
        messages.AddRange(turns);
        messages.Add(instruction);
        var total = PinnedTokens + historyTokens + instruction.Tokens;
        return new WindowedConversation(messages, total, historyTokens, history.AllTokens - historyTokens);
    }
}
