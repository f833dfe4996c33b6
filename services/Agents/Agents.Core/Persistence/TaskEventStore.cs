using Npgsql;
using Platform.Agents.V1;
using Platform.Postgres.Resilience;

namespace Platform.Agents.Persistence;

/// <summary>Reads a task's persisted events in sequence order (what WatchTask replays).</summary>
public sealed class TaskEventStore(NpgsqlDataSource dataSource, IPostgresResilience resilience)
{
    public async Task<IReadOnlyList<TaskEvent>> ReadAfterAsync(string taskId, long afterSequence, int limit, CancellationToken cancellationToken) =>
        await resilience.ExecuteAsync(async ct =>
        {
            await using var command = dataSource.CreateCommand(
                "SELECT event FROM agents.task_events WHERE task_id = @id AND sequence > @after ORDER BY sequence LIMIT @limit");
            command.Parameters.AddWithValue("id", taskId);
            command.Parameters.AddWithValue("after", afterSequence);
            command.Parameters.AddWithValue("limit", limit);
            var events = new List<TaskEvent>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                events.Add(TaskEvent.Parser.ParseFrom(reader.GetFieldValue<byte[]>(0)));
            return (IReadOnlyList<TaskEvent>)events;
        }, idempotent: true, cancellationToken);
}
