namespace Platform.Budget.Domain;

/// <summary>The domain's refusals, worded once.</summary>
public static class BudgetErrors
{
    public static BudgetException Invalid(string message) => new(BudgetErrorKind.InvalidArgument, message);

    public static BudgetException AgentNotFound(string agentId) =>
        new(BudgetErrorKind.NotFound, $"Agent '{agentId}' is not registered. Register it with RegisterAgent first.", "AGENT_NOT_FOUND");

    public static BudgetException AgentRetired(string agentId) =>
        new(BudgetErrorKind.FailedPrecondition, $"Agent '{agentId}' is retired; register it again to reactivate it.", "AGENT_RETIRED");

    public static BudgetException ReservationNotFound(string reservationId) =>
        new(BudgetErrorKind.NotFound,
            $"Reservation '{reservationId}' does not exist (never granted, or settled longer ago than the retention period).",
            "RESERVATION_NOT_FOUND");

    public static BudgetException IdempotencyKeyReused(string key, string what) =>
        new(BudgetErrorKind.AlreadyExists,
            $"Idempotency key '{key}' was already used for a different {what}; use a new key for a new request.",
            "IDEMPOTENCY_KEY_REUSED");

    public static BudgetException Unavailable(string message) => new(BudgetErrorKind.Unavailable, message);
}
