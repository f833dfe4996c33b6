using Platform.Budget.Domain;

namespace Platform.Budget.Accounting;

/// <summary>Budget lent by another agent to one reservation; it stays lent until the window resets.</summary>
public sealed record Loan(string LenderAgentId, Tier LenderTier, long Tokens, long CostMicros);
