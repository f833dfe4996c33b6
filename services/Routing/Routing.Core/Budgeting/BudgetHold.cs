namespace Platform.Routing.Budgeting;

/// <summary>The answer to a hold: a reservation (with what is left after it) or a denial.</summary>
public sealed record BudgetHold(string ReservationId, long ReservedTokens, long ReservedCostMicros, long? RemainingTokens, long? RemainingCostMicros, BudgetDenial? Denial)
{
    public bool Granted => Denial is null;

    public static BudgetHold Denied(BudgetDenial denial) => new("", 0, 0, null, null, denial);
}
