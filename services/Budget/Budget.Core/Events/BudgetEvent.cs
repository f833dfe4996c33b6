using Platform.Budget.Accounting;
using Platform.Budget.Domain;
using Platform.Budget.Reallocation;

namespace Platform.Budget.Events;

/// <summary>
/// Something operators want to see. <see cref="EventId"/> is the events stream id, also the resume
/// cursor. At most one detail is set, as <see cref="Type"/> says.
/// </summary>
public sealed record BudgetEvent(string EventId, DateTimeOffset Time, BudgetEventType Type, string AgentId, Tier Tier)
{
    public ThresholdCrossing? Threshold { get; init; }

    public Denial? Denial { get; init; }

    public ReallocationSummary? Reallocation { get; init; }

    public Reservation? Reservation { get; init; }

    /// <summary>AGENT_CHANGED: the agent after the change, from this replica's registry snapshot.</summary>
    public Agent? Agent { get; init; }
}
