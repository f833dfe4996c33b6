using Platform.Budget.Domain;

namespace Platform.Budget.Accounting;

/// <summary>Budget held for one upcoming LLM call.</summary>
public sealed record Reservation(
    string ReservationId,
    string AgentId,
    Tier Tier,
    long ReservedTokens,
    long ReservedCostMicros,
    long EstimatedOutputTokens,
    OutputEstimate OutputEstimate,
    IReadOnlyList<Loan> Loans,
    DateTimeOffset ExpireTime,
    DateTimeOffset CreateTime,
    ReservationState State,
    string Model,
    long? RemainingTokens,
    long? RemainingCostMicros);
