using Platform.Budget.Domain;

namespace Platform.Budget.Accounting;

/// <summary>Returns a reservation unused. <see cref="Reason"/> is the contract's ReleaseReason number.</summary>
public sealed record ReleaseCommand
{
    public required string ReservationId { get; init; }

    public int Reason { get; init; }

    public string Message { get; init; } = string.Empty;

    public void Validate()
    {
        Require.ReservationId(ReservationId);
        if (Reason is < 0 or > 3)
        {
            throw BudgetErrors.Invalid($"reason must be a ReleaseReason (0-3); got {Reason}.");
        }

        Require.MaxLength(Message, 1024, "message");
    }
}
