using Platform.Agents.Memory;
using Platform.Agents.V1;

namespace Platform.Agents.Loop;

/// <summary>The instruction sent last in each step's conversation, telling the model which phase it is in.</summary>
public static class PhasePrompts
{
    /// <summary>The longest instruction, so the window can check at submission that one always fits.</summary>
    public static ChatTurn Longest { get; } = For(StepPhase.Observe, 9999);

    public static ChatTurn For(StepPhase phase, int iteration) => ChatTurn.User(phase switch
    {
        StepPhase.Think => $"Iteration {iteration}, think: reason about where things stand and decide the single next action toward the goal.",
        StepPhase.Act => $"Iteration {iteration}, act: carry out the action you decided on and give its output.",
        _ => $"Iteration {iteration}, observe: check the result against the goal. If the goal is fully achieved, give the final answer and end with the completion marker.",
    });

    /// <summary>Appended to the agent type's system prompt so any model knows how to finish.</summary>
    public static string CompletionHint(IReadOnlyList<string> markers) =>
        $"\n\nWhen the goal is fully achieved, give the final answer and end it with {markers[0]}.";
}
