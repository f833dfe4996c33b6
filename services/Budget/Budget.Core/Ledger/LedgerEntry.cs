using Platform.Budget.Accounting;
using Platform.Budget.Domain;

namespace Platform.Budget.Ledger;

/// <summary>
/// One durable, append-only record of a decision. <see cref="EntryId"/> is the Redis stream id
/// ("ms-seq"), so the ledger's order is the order in which Redis made the decisions.
/// </summary>
public sealed record LedgerEntry
{
    public required string EntryId { get; init; }

    public DateTimeOffset CreateTime { get; init; }

    public LedgerEntryType Type { get; init; }

    public string AgentId { get; init; } = string.Empty;

    public Tier Tier { get; init; }

    public string ReservationId { get; init; } = string.Empty;

    /// <summary>Grant: held; commit: charged; release/expire: returned; denial: requested; borrow: lent; reallocation: moved (signed).</summary>
    public long Tokens { get; init; }

    public long CostMicros { get; init; }

    /// <summary>Commit: the hold it settled (0 when the reservation had already expired).</summary>
    public long HeldTokens { get; init; }

    public long HeldCostMicros { get; init; }

    public long OverageTokens { get; init; }

    public long OverageCostMicros { get; init; }

    public string CounterpartyAgentId { get; init; } = string.Empty;

    public string Model { get; init; } = string.Empty;

    public DenialReason DenialReason { get; init; }

    public string ReallocationId { get; init; } = string.Empty;

    public string RequestId { get; init; } = string.Empty;

    public string TaskId { get; init; } = string.Empty;

    public string IdempotencyKey { get; init; } = string.Empty;

    /// <summary>Grant and extend: the reservation's expiry.</summary>
    public DateTimeOffset? ExpireTime { get; init; }

    /// <summary>"dim:used:reserved:allowance,..." as the script saw them when deciding (dims 1-4; "f" prefix = fleet).</summary>
    public string DecisionInputs { get; init; } = string.Empty;

    public string Message { get; init; } = string.Empty;

    public long EntryMs => long.Parse(EntryId.AsSpan(0, EntryId.IndexOf('-')), System.Globalization.CultureInfo.InvariantCulture);

    public long EntrySequence => long.Parse(EntryId.AsSpan(EntryId.IndexOf('-') + 1), System.Globalization.CultureInfo.InvariantCulture);
}
