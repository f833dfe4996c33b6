namespace Platform.Agents.Queue;

/// <summary>A task's entry in one of the tier streams.</summary>
public sealed record QueueEntry(string Stream, string EntryId, string TaskId);
