using Platform.Agents.Domain;
using Platform.Agents.Persistence;

namespace Platform.Agents.Tasks;

/// <summary>GetTask and ListTasks.</summary>
public sealed class TaskQueries(TaskStore tasks, TaskQueryStore query)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 1000;

    public async Task<TaskRow> GetAsync(string taskId, CancellationToken cancellationToken)
    {
        if (taskId.Length == 0)
            throw AgentsException.Invalid("task_id", "task_id is required.");
        return await tasks.GetAsync(taskId, cancellationToken)
            ?? throw AgentsException.NotFound(ErrorReasons.TaskNotFound, $"Task {taskId} does not exist.");
    }

    /// <summary>One page, newest first, and the token of the next page (empty on the last).</summary>
    public async Task<(IReadOnlyList<TaskRow> Tasks, string NextPageToken)> ListAsync(TaskListFilter filter, int pageSize, string pageToken, CancellationToken cancellationToken)
    {
        if (pageSize < 0)
            throw AgentsException.Invalid("page_size", "page_size must not be negative.");
        if (filter.CreatedFrom is { } from && filter.CreatedBefore is { } before && before <= from)
            throw AgentsException.Invalid("create_time_range", "create_time_range.end_time must be after start_time.");
        var size = pageSize == 0 ? DefaultPageSize : Math.Min(pageSize, MaxPageSize);
        var after = TaskPageTokens.Decode(filter, pageToken);
        var (rows, more) = await query.ListAsync(new TaskListQuery(filter.AgentId, filter.States, filter.Outcomes, filter.AgentType,
            filter.CreatedFrom, filter.CreatedBefore, size, after), cancellationToken);
        return (rows, more ? TaskPageTokens.Encode(filter, rows[^1].CreateTime, rows[^1].TaskId) : "");
    }
}
