namespace Platform.Agents.Persistence;

/// <summary>A task whose lease was renewed, and whether someone asked to cancel it.</summary>
public readonly record struct LeaseRenewal(string TaskId, bool CancelRequested, string CancelReason);
