namespace Platform.Budget.Reallocation;

/// <summary>An agent's demand over the lookback: what it was refused and what it used, per shared budget.</summary>
public sealed record AgentDemand(
    long TokenDenials,
    long DeniedTokens,
    long UsdDenials,
    long DeniedCostMicros,
    long CommittedTokens,
    long CommittedCostMicros)
{
    public static AgentDemand None { get; } = new(0, 0, 0, 0, 0, 0);
}
