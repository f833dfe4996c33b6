namespace Platform.Budget.Domain;

/// <summary>
/// A request the budget domain refuses, with a message that says what to fix and an optional
/// machine-readable reason (UPPER_SNAKE, e.g. AGENT_NOT_FOUND) for the caller to branch on.
/// </summary>
public sealed class BudgetException(BudgetErrorKind kind, string message, string? reason = null) : Exception(message)
{
    public BudgetErrorKind Kind { get; } = kind;

    public string? Reason { get; } = reason;
}
