using Platform.Agents.V1;

namespace Platform.Agents.Persistence;

/// <summary>The task after a cancellation request, and the TaskFinished event when the request finished a queued task.</summary>
public sealed record CancelResult(TaskRow Task, TaskEvent? FinishedEvent);
