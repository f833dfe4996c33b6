namespace Platform.Agents.Budgeting;

/// <summary>An agent's tightest budget window: utilisation, usage and limits (limits absent when none).</summary>
public sealed record AgentBudgetStatus(
    double UtilisationPercent,
    long UsedTokens,
    long? LimitTokens,
    long UsedCostMicros,
    long? LimitCostMicros,
    string Window);
