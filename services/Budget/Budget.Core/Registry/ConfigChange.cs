namespace Platform.Budget.Registry;

/// <summary>
/// What a configuration write records: a CONFIG_CHANGE ledger entry and an event.
/// <see cref="EventType"/> is the contract's BudgetEventType number (8 agent changed, 9 fleet changed).
/// </summary>
public sealed record ConfigChange(string AgentId, int EventType, string Message)
{
    public const int AgentChanged = 8;
    public const int FleetChanged = 9;
}
