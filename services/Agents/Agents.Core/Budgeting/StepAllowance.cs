namespace Platform.Agents.Budgeting;

/// <summary>The limits of one step's call after the task caps, or why no step fits any more.</summary>
public sealed record StepAllowance(int MaxTokens, long? MaxCostMicros, bool CostCapBinding, string? ExhaustedReason)
{
    public static StepAllowance Exhausted(string reason) => new(0, null, false, reason);
}
