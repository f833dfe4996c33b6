using Platform.Agents.Budgeting;
using Platform.Agents.Memory;
using Platform.Agents.Types;
using Platform.Agents.V1;

namespace Platform.Agents.Loop;

/// <summary>
/// The state of one task's loop: its resolved settings and everything the finished steps left behind
/// (history, loop detector, totals, warnings already sent). A resumed task rebuilds it by replaying its
/// persisted steps, so it continues exactly where the last persisted step left off.
/// </summary>
public sealed class LoopRun
{
    public required string TaskId { get; init; }
    public required string AgentId { get; init; }
    public required ModelPolicy Policy { get; init; }
    public required int MaxIterations { get; init; }
    public required IReadOnlyList<string> CompletionMarkers { get; init; }
    public required MemoryWindow Window { get; init; }
    public required ConversationHistory History { get; init; }
    public required LoopDetector Detector { get; init; }
    public required TaskCaps Caps { get; init; }
    public required TaskTotals Totals { get; init; }

    /// <summary>Tokens of the shared context blocks every call carries.</summary>
    public long SharedContextTokens { get; init; }

    public int LastStep { get; private set; }
    public StepPhase LastPhase { get; private set; }
    public string LastReply { get; private set; } = "";
    public bool TaskWarned { get; set; }
    public bool AgentWarned { get; set; }

    public int MaxTokensPerStep => Policy.MaxTokensPerStep ?? AgentTypeDefaults.MaxTokensPerStep;

    public int Iteration => LastStep == 0 ? 0 : StepNumbering.Of(LastStep).Iteration;

    /// <summary>Adds a finished step's reply to memory; true when its action completes a loop.</summary>
    public bool Advance(int stepNumber, StepPhase phase, string content)
    {
        LastStep = stepNumber;
        LastPhase = phase;
        LastReply = content;
        History.Add(ChatTurn.Assistant(content));
        return phase == StepPhase.Act && Detector.Add(content);
    }
}
