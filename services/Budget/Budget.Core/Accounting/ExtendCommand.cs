using Platform.Budget.Domain;

namespace Platform.Budget.Accounting;

/// <summary>Pushes an active reservation's expiry to now + ttl.</summary>
public sealed record ExtendCommand(string ReservationId, TimeSpan? Ttl)
{
    public void Validate()
    {
        Require.ReservationId(ReservationId);
        if (Ttl is null)
        {
            throw BudgetErrors.Invalid("ttl is required: the new time-to-live counted from now, 1s-15min.");
        }

        Require.Ttl(Ttl, "ttl");
    }
}
