using Platform.Agents.V1;

namespace Platform.Agents.Persistence;

/// <summary>ListTasks filters and the page position (newest first, by create_time then task_id).</summary>
public sealed record TaskListQuery(
    string AgentId,
    IReadOnlyList<TaskState> States,
    IReadOnlyList<TaskOutcome> Outcomes,
    string AgentType,
    DateTime? CreatedFrom,
    DateTime? CreatedBefore,
    int PageSize,
    (DateTime CreateTime, string TaskId)? After);
