using Platform.Common.V1;

namespace Platform.Metrics.Budget;

/// <summary>An agent's utilisation of one budget window, as last reported by the budget service.</summary>
public sealed record BudgetUtilisation(
    string AgentId,
    string Window,
    Tier Tier,
    double UtilisationPercent,
    int ThresholdPercent,
    long Limit,
    long Consumed,
    DateTime? WindowEndTime,
    DateTime EventTime,
    string EventId);
