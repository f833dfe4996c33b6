namespace Platform.Routing.Budgeting;

/// <summary>A refused hold. <see cref="Reason"/> is the platform.budget.v1.DenialReason value name.</summary>
public sealed record BudgetDenial(string Reason, TimeSpan? RetryAfter, string Message)
{
    /// <summary>USD-bound denials can be avoided by a cheaper model; token-bound ones cannot.</summary>
    public bool IsUsdLimit => Reason.Contains("USD", StringComparison.Ordinal);
}
