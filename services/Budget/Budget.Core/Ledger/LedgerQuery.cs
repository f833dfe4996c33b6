using Platform.Budget.Domain;

namespace Platform.Budget.Ledger;

/// <summary>ListLedgerEntries' filters; empty/null = no filter.</summary>
public sealed record LedgerQuery(
    string AgentId,
    string ReservationId,
    IReadOnlyList<LedgerEntryType> Types,
    DateTimeOffset? Start,
    DateTimeOffset? End,
    string ReallocationId,
    int PageSize,
    string? PageToken)
{
    public void Validate()
    {
        if (AgentId.Length > 0)
        {
            Require.AgentId(AgentId);
        }

        Require.MaxLength(ReservationId, 128, "reservation_id");
        Require.MaxLength(ReallocationId, 128, "reallocation_id");
        foreach (var type in Types)
        {
            if (type is <= LedgerEntryType.Unspecified or > LedgerEntryType.Warning)
            {
                throw BudgetErrors.Invalid($"types must be LedgerEntryType values 1-10; got {(int)type}.");
            }
        }

        if (Start is { } start && End is { } end && end <= start)
        {
            throw BudgetErrors.Invalid("time_range.end_time must be after time_range.start_time.");
        }
    }
}
