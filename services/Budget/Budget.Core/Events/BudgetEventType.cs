namespace Platform.Budget.Events;

/// <summary>What happened. Numbers match the contract's BudgetEventType.</summary>
public enum BudgetEventType
{
    Unspecified = 0,
    ThresholdWarning = 1,
    LimitReached = 2,
    Denial = 3,
    Reallocation = 4,
    Borrow = 5,
    Overage = 6,
    ReservationExpired = 7,
    AgentChanged = 8,
    FleetBudgetChanged = 9,
}
