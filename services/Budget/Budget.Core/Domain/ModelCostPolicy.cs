namespace Platform.Budget.Domain;

/// <summary>How routing picks a model for a tier when the caller names none. Numbers match the contract.</summary>
public enum ModelCostPolicy
{
    Unspecified = 0,
    Best = 1,
    CheaperOnFallback = 2,
    Cheapest = 3,
}
