using Platform.Agents.Memory;
using Platform.Agents.V1;

namespace Platform.Agents.Loop;

/// <summary>What one step asks the model: the windowed conversation and the limits the task's caps leave.</summary>
public sealed record StepCall(
    string TaskId,
    string AgentId,
    int StepNumber,
    int Iteration,
    StepPhase Phase,
    IReadOnlyList<ChatTurn> Messages,
    ModelPolicy Policy,
    int MaxTokens,
    long? MaxCostMicros,
    string IdempotencyKey,
    DateTime Deadline);
