namespace Platform.Budget.Accounting;

/// <summary>Lifecycle of a reservation. Numbers match the contract.</summary>
public enum ReservationState
{
    Unspecified = 0,
    Active = 1,
    Committed = 2,
    Released = 3,
    Expired = 4,
}
