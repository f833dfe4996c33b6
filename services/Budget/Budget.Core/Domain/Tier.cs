namespace Platform.Budget.Domain;

/// <summary>Priority class of an agent. The numbers match the contract's Tier (1 = most important).</summary>
public enum Tier
{
    Unspecified = 0,
    Critical = 1,
    High = 2,
    Medium = 3,
    Low = 4,
}
