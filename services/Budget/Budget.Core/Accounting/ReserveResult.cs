namespace Platform.Budget.Accounting;

/// <summary>Exactly one of <see cref="Reservation"/> (granted) or <see cref="Denial"/> is set.</summary>
public sealed record ReserveResult(Reservation? Reservation, Denial? Denial)
{
    public bool Granted => Reservation is not null;
}
