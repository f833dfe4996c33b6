namespace Platform.Agents.Persistence;

/// <summary>What happened when a worker tried to take a task from the queue.</summary>
public enum ClaimStatus
{
    /// <summary>The worker now holds the task's lease.</summary>
    Claimed,

    /// <summary>The task has finished (or never existed): drop its queue entry.</summary>
    Gone,

    /// <summary>Another live worker holds it: leave the entry alone.</summary>
    HeldElsewhere,
}

public sealed record ClaimResult(ClaimStatus Status, TaskRow? Task);
