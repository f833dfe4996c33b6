using System.Collections.Frozen;
using Platform.Agents.V1;
using Platform.Routing.V1;

namespace Platform.Agents.Types;

/// <summary>
/// The types every installation has: general, coder, writer and analyst. Each carries its system
/// prompt and the routing task type its steps ask for (code -> a code-capable model, content ->
/// balanced, reasoning -> strong); loop defaults are the platform's (100 iterations, [DONE]/[COMPLETE],
/// an 8,192-token window, loop detection after 3 repeats).
/// </summary>
public static class BuiltInAgentTypes
{
    public const string General = "general";

    public static FrozenDictionary<string, AgentType> All { get; } = new[]
    {
        Create(General, "General agent", "Any goal without a specialised need.", TaskType.General,
            "You are an autonomous agent. Work toward the user's goal one step at a time: think about what to do next, " +
            "act, then observe the result. Be concise and concrete."),
        Create("coder", "Coder", "Writes, fixes and reviews code.", TaskType.Code,
            "You are a senior software engineer working as an autonomous agent. Break the goal into small changes, write " +
            "correct, idiomatic code with tests, and check each result before moving on."),
        Create("writer", "Writer", "Drafts, edits, summarises and translates text.", TaskType.Content,
            "You are a professional writer working as an autonomous agent. Plan the piece, draft it, then revise for clarity, " +
            "accuracy and tone before you finish."),
        Create("analyst", "Analyst", "Multi-step reasoning, planning and analysis.", TaskType.Reasoning,
            "You are a careful analyst working as an autonomous agent. State your assumptions, reason step by step, check " +
            "each intermediate result, and finish with a clear conclusion."),
    }.ToFrozenDictionary(type => type.Name, StringComparer.Ordinal);

    public static bool IsBuiltIn(string name) => All.ContainsKey(name);

    private static AgentType Create(string name, string displayName, string description, TaskType taskType, string prompt)
    {
        var type = new AgentType
        {
            Name = name,
            DisplayName = displayName,
            Description = description,
            SystemPrompt = prompt,
            DefaultModelPolicy = new ModelPolicy { Hints = new RoutingHints { TaskType = taskType } },
            Builtin = true,
        };
        return AgentTypeRules.Normalize(type);
    }
}
