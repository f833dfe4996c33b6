using Platform.Agents.Loop;
using Platform.Agents.Memory;
using Platform.Agents.V1;

namespace Platform.Agents.Tasks;

/// <summary>
/// The pinned start of every step's conversation: the agent type's system prompt, then each shared
/// context block, then the goal. Shared blocks sit at the same place in every task's calls, so a fleet
/// sharing them sends an identical prefix that provider prompt caches can serve.
/// </summary>
public static class TaskPrompt
{
    public static IReadOnlyList<ChatTurn> Pinned(AgentType type, string goal, IReadOnlyList<string> sharedContexts)
    {
        var turns = new List<ChatTurn>(sharedContexts.Count + 2)
        {
            ChatTurn.System(type.SystemPrompt + PhasePrompts.CompletionHint(type.CompletionMarkers)),
        };
        foreach (var context in sharedContexts)
            turns.Add(ChatTurn.System(context));
        turns.Add(ChatTurn.User("Goal: " + goal));
        return turns;
    }
}
