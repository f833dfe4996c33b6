using System.Text;
using Npgsql;
using Platform.Postgres.Resilience;

namespace Platform.Agents.Persistence;

/// <summary>ListTasks: filtered keyset pages over <c>agents.tasks</c>, newest first.</summary>
public sealed class TaskQueryStore(NpgsqlDataSource dataSource, IPostgresResilience resilience)
{
    /// <summary>Up to PageSize rows, plus whether more follow.</summary>
    public async Task<(IReadOnlyList<TaskRow> Rows, bool More)> ListAsync(TaskListQuery query, CancellationToken cancellationToken) =>
        await resilience.ExecuteAsync(async ct =>
        {
            await using var command = dataSource.CreateCommand();
            var sql = new StringBuilder($"SELECT {TaskRowReader.Columns} FROM agents.tasks WHERE true");
            if (query.AgentId.Length > 0)
            {
                sql.Append(" AND agent_id = @agent");
                command.Parameters.AddWithValue("agent", query.AgentId);
            }
            if (query.AgentType.Length > 0)
            {
                sql.Append(" AND agent_type = @type");
                command.Parameters.AddWithValue("type", query.AgentType);
            }
            if (query.States.Count > 0)
            {
                sql.Append(" AND state = ANY(@states)");
                command.Parameters.AddWithValue("states", query.States.Select(s => (short)s).ToArray());
            }
            if (query.Outcomes.Count > 0)
            {
                sql.Append(" AND outcome = ANY(@outcomes)");
                command.Parameters.AddWithValue("outcomes", query.Outcomes.Select(o => (short)o).ToArray());
            }
            if (query.CreatedFrom is { } from)
            {
                sql.Append(" AND create_time >= @from");
                command.Parameters.AddWithValue("from", from);
            }
            if (query.CreatedBefore is { } before)
            {
                sql.Append(" AND create_time < @before");
                command.Parameters.AddWithValue("before", before);
            }
            if (query.After is { } after)
            {
                sql.Append(" AND (create_time, task_id) < (@after_time, @after_id)");
                command.Parameters.AddWithValue("after_time", after.CreateTime);
                command.Parameters.AddWithValue("after_id", after.TaskId);
            }
            sql.Append(" ORDER BY create_time DESC, task_id DESC LIMIT @limit");
            command.Parameters.AddWithValue("limit", query.PageSize + 1);
            command.CommandText = sql.ToString();

            var rows = new List<TaskRow>(query.PageSize + 1);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                rows.Add(TaskRowReader.Read(reader));
            var more = rows.Count > query.PageSize;
            if (more)
                rows.RemoveAt(rows.Count - 1);
            return ((IReadOnlyList<TaskRow>)rows, more);
        }, idempotent: true, cancellationToken);
}
