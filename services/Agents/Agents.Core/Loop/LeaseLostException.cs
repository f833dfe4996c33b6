namespace Platform.Agents.Loop;

/// <summary>Another worker took the task over (this one's lease expired): stop without writing anything more.</summary>
public sealed class LeaseLostException(string taskId)
    : Exception($"Task {taskId} is no longer owned by this worker; another worker resumed it.")
{
    public string TaskId { get; } = taskId;
}
