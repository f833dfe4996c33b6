using Platform.Agents.Persistence;

namespace Platform.Agents.Tasks;

/// <summary>The stored task and whether this request created it (false for an idempotent repeat).</summary>
public sealed record SubmittedTask(TaskRow Task, bool Created);
