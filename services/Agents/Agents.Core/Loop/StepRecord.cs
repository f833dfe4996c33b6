using Platform.Agents.V1;

namespace Platform.Agents.Loop;

/// <summary>A finished step as persisted and reported: the reply, its cost, and the window it was sent with.</summary>
public sealed record StepRecord(
    int StepNumber,
    int Iteration,
    StepPhase Phase,
    StepReply Reply,
    long LatencyMs,
    long ContextTokens,
    long WindowTokensSaved,
    DateTime Time);
