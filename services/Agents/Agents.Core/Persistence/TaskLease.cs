namespace Platform.Agents.Persistence;

/// <summary>
/// A worker's hold on a running task. Every write the worker makes is conditional on (owner, attempt),
/// so a worker whose lease was taken over (it stalled or was presumed dead) can never write again.
/// </summary>
public sealed record TaskLease(string TaskId, string Owner, int Attempt);
