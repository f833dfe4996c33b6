namespace Platform.Budget.Reallocation;

/// <summary>
/// Unused budget moved from an idle agent to a starved one for the rest of the current windows
/// (tokens: this hour; micro-dollars: this day), with the demand figures that justified it.
/// </summary>
public sealed record ReallocationMove(
    string FromAgentId,
    string ToAgentId,
    long Tokens,
    long CostMicros,
    double FromUtilisationPercent,
    long ToDenialCount,
    double ToUtilisationPercent,
    string Reason);
