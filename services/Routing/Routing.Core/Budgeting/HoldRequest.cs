using Platform.Routing.Vocabulary;

namespace Platform.Routing.Budgeting;

/// <summary>A budget hold for one provider attempt, priced at the attempt's model.</summary>
public sealed record HoldRequest(
    string AgentId,
    string IdempotencyKey,
    long EstimatedInputTokens,
    long MaxOutputTokens,
    long InputMicrosPerMTok,
    long OutputMicrosPerMTok,
    string Model,
    TimeSpan Ttl,
    Tier TierOverride,
    string RequestId,
    string TaskId);
