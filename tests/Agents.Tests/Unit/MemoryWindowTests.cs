using Platform.Agents.Memory;
using Platform.Common.V1;

namespace Platform.Agents.Tests.Unit;

/// <summary>The sliding window never exceeds its bound, always keeps the pinned messages, and keeps the newest turns.</summary>
public sealed class MemoryWindowTests
{
    private static readonly ChatTurn Instruction = ChatTurn.User("Iteration 1, think: decide the next action.");

    [Fact]
    public void Never_exceeds_the_bound_and_always_keeps_the_system_prompt_and_newest_turns()
    {
        var random = new Random(1234);
        for (var trial = 0; trial < 300; trial++)
        {
            var bound = random.Next(1024, 6000);
            var system = ChatTurn.System("You are an agent. " + new string('s', random.Next(0, 1200)));
            var goal = ChatTurn.User("Goal: " + new string('g', random.Next(1, 800)));
            var window = new MemoryWindow(bound, [system, goal]);
            if (!window.Fits(Instruction.Tokens))
                continue;
            var history = new ConversationHistory(window.HistoryCapacity);
            var added = new List<ChatTurn>();
            for (var i = 0; i < random.Next(0, 120); i++)
            {
                var turn = ChatTurn.Assistant($"turn {i} " + new string('x', random.Next(0, 3000)));
                history.Add(turn);
                added.Add(turn);
            }

            var built = window.Build(history, Instruction);

            Assert.True(built.Tokens <= bound, $"trial {trial}: {built.Tokens} tokens in a {bound}-token window");
            Assert.Equal(3 + built.Messages.Sum(m => m.Tokens), built.Tokens);
            Assert.Same(system, built.Messages[0]);
            Assert.Same(goal, built.Messages[1]);
            Assert.Same(Instruction, built.Messages[^1]);
            var kept = built.Messages.Skip(2).SkipLast(1).ToList();
            Assert.Equal(added.TakeLast(kept.Count), kept);
            if (kept.Count < added.Count)
            {
                var next = added[added.Count - kept.Count - 1];
                Assert.True(built.Tokens + next.Tokens > bound, $"trial {trial}: turn that would still fit was dropped");
            }
            Assert.Equal(added.Sum(t => t.Tokens) - kept.Sum(t => t.Tokens), built.HistoryTokensSaved);
        }
    }

    [Fact]
    public void History_memory_stays_bounded_however_long_the_task_runs()
    {
        var window = new MemoryWindow(2048, [ChatTurn.System("system"), ChatTurn.User("Goal: g")]);
        var history = new ConversationHistory(window.HistoryCapacity);

        long added = 0;
        for (var i = 0; i < 10_000; i++)
        {
            var turn = ChatTurn.Assistant($"reply {i} " + new string('r', 200));
            history.Add(turn);
            added += turn.Tokens;
        }

        Assert.True(history.RetainedTokens <= window.HistoryCapacity);
        Assert.True(history.Count < 60);
        Assert.Equal(added, history.AllTokens);
    }

    [Fact]
    public void A_window_too_small_for_the_pinned_messages_does_not_fit()
    {
        var window = new MemoryWindow(1024, [ChatTurn.System(new string('s', 4000)), ChatTurn.User("Goal: g")]);

        Assert.False(window.Fits(Instruction.Tokens));
        Assert.Throws<InvalidOperationException>(() => window.Build(new ConversationHistory(0), Instruction));
    }

    [Fact]
    public void Token_estimates_follow_the_chat_framing()
    {
        Assert.Equal(3 + 3, TokenEstimator.Message(new ChatTurn(ChatRole.User, "abcdefghij")));
        Assert.Equal(3 + 3 + 1, TokenEstimator.Message(new ChatTurn(ChatRole.User, "abcdefghij", "tool")));
        Assert.Equal(3, TokenEstimator.Message(ChatTurn.Assistant("")));
    }
}
