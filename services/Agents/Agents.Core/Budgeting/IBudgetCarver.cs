namespace Platform.Agents.Budgeting;

/// <summary>
/// Holds part of an agent's budget for one task (in the service: a long-lived BudgetService reservation).
/// Throws when the budget service cannot be reached.
/// </summary>
public interface IBudgetCarver
{
    Task<CarveResult> CarveAsync(CarveRequest request, CancellationToken cancellationToken);

    Task ReleaseAsync(string reservationId, CancellationToken cancellationToken);
}

/// <summary>Hold <paramref name="Tokens"/> and <paramref name="CostMicros"/> (null = that dimension is not capped) of an agent's budget for a task.</summary>
public sealed record CarveRequest(string AgentId, string TaskId, string IdempotencyKey, long? Tokens, long? CostMicros);

/// <summary>The hold, or why the agent's budget could not give it.</summary>
public sealed record CarveResult(bool Granted, string ReservationId, string DenialMessage);
