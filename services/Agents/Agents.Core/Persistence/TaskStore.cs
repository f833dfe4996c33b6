using Google.Protobuf;
using Npgsql;
using NpgsqlTypes;
using Platform.Agents.V1;
using Platform.Postgres.Resilience;

namespace Platform.Agents.Persistence;

/// <summary>The request side of <c>agents.tasks</c>: create (idempotently), read, and cancel.</summary>
public sealed class TaskStore(NpgsqlDataSource dataSource, IPostgresResilience resilience)
{
    private const string InsertSql = $"""
        WITH inserted AS (
            INSERT INTO agents.tasks (task_id, agent_id, agent_type, tier, spec, type_snapshot, request_hash, idempotency_key, state,
                                      create_time, update_time, call_deadline, last_event_sequence, context_bytes_saved)
            VALUES (@id, @agent, @type, @tier, @spec, @snapshot, @hash, @key, 1, @now, @now, @deadline, 1, @bytes)
            ON CONFLICT (idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
            RETURNING task_id)
        INSERT INTO agents.task_events (task_id, sequence, event) SELECT task_id, 1, @event FROM inserted
        """;

    /// <summary>Stores the task, or returns the existing one with the same idempotency key (created = false).</summary>
    public async Task<(TaskRow Task, bool Created)> InsertAsync(NewTask task, CancellationToken cancellationToken)
    {
        var inserted = await resilience.ExecuteAsync(async ct =>
        {
            await using var command = dataSource.CreateCommand(InsertSql);
            command.Parameters.AddWithValue("id", task.TaskId);
            command.Parameters.AddWithValue("agent", task.Spec.AgentId);
            command.Parameters.AddWithValue("type", task.Type.Name);
            command.Parameters.AddWithValue("tier", (short)task.Tier);
            command.Parameters.AddWithValue("spec", task.Spec.ToByteArray());
            command.Parameters.AddWithValue("snapshot", task.Type.ToByteArray());
            command.Parameters.AddWithValue("hash", task.RequestHash);
            command.Parameters.AddWithValue("key", task.IdempotencyKey.Length > 0 ? task.IdempotencyKey : DBNull.Value);
            command.Parameters.AddWithValue("now", task.CreateTime);
            command.Parameters.AddWithValue("deadline", NpgsqlDbType.TimestampTz, task.CallDeadline is { } d ? d : DBNull.Value);
            command.Parameters.AddWithValue("bytes", task.ContextBytesSaved);
            command.Parameters.AddWithValue("event", task.QueuedEvent.ToByteArray());
            return await command.ExecuteNonQueryAsync(ct);
        }, idempotent: true, cancellationToken);

        if (inserted == 1)
            return (await GetAsync(task.TaskId, cancellationToken) ?? throw new InvalidOperationException($"Task {task.TaskId} vanished after insert."), true);
        var existing = await GetByIdempotencyKeyAsync(task.IdempotencyKey, cancellationToken)
            ?? throw new InvalidOperationException($"Idempotency key conflict without a task for '{task.IdempotencyKey}'.");
        return (existing, false);
    }

    public Task<TaskRow?> GetAsync(string taskId, CancellationToken cancellationToken) =>
        SelectOneAsync($"SELECT {TaskRowReader.Columns} FROM agents.tasks WHERE task_id = @value", taskId, cancellationToken);

    public Task<TaskRow?> GetByIdempotencyKeyAsync(string key, CancellationToken cancellationToken) =>
        SelectOneAsync($"SELECT {TaskRowReader.Columns} FROM agents.tasks WHERE idempotency_key = @value", key, cancellationToken);

    /// <summary>
    /// Marks a task cancelled: a QUEUED task finishes at once (its TaskFinished event is stored in the same
    /// transaction); a RUNNING one gets cancel_requested and its worker stops at the next step boundary.
    /// A FINISHED task is returned unchanged. Null when the task does not exist.
    /// </summary>
    public async Task<CancelResult?> RequestCancelAsync(string taskId, string reason, DateTime now, CancellationToken cancellationToken) =>
        await resilience.ExecuteAsync(async ct =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await using var select = new NpgsqlCommand($"SELECT {TaskRowReader.Columns} FROM agents.tasks WHERE task_id = @id FOR UPDATE", connection, transaction);
            select.Parameters.AddWithValue("id", taskId);
            var row = await TaskRowReader.ReadSingleAsync(select, ct);
            if (row is null || row.State == TaskState.Finished)
                return row is null ? null : new CancelResult(row, null);

            TaskEvent? finished = null;
            if (row.State == TaskState.Queued)
            {
                finished = TaskEvents.Finished(row.TaskId, row.LastEventSequence + 1, now,
                    new TaskFinished { Outcome = TaskOutcome.Cancelled, Reason = reason, Usage = TaskViews.Usage(0, 0, 0) });
                await using var finish = new NpgsqlCommand("""
                    UPDATE agents.tasks SET state = 3, outcome = 5, outcome_reason = @reason, cancel_requested = true, cancel_reason = @reason,
                           end_time = @now, update_time = @now, last_event_sequence = @seq
                    WHERE task_id = @id;
                    INSERT INTO agents.task_events (task_id, sequence, event) VALUES (@id, @seq, @event);
                    """, connection, transaction);
                finish.Parameters.AddWithValue("id", taskId);
                finish.Parameters.AddWithValue("reason", reason);
                finish.Parameters.AddWithValue("now", now);
                finish.Parameters.AddWithValue("seq", finished.Sequence);
                finish.Parameters.AddWithValue("event", finished.ToByteArray());
                await finish.ExecuteNonQueryAsync(ct);
            }
            else if (!row.CancelRequested)
            {
                await using var flag = new NpgsqlCommand(
                    "UPDATE agents.tasks SET cancel_requested = true, cancel_reason = @reason, update_time = @now WHERE task_id = @id", connection, transaction);
                flag.Parameters.AddWithValue("id", taskId);
                flag.Parameters.AddWithValue("reason", reason);
                flag.Parameters.AddWithValue("now", now);
                await flag.ExecuteNonQueryAsync(ct);
            }
            await transaction.CommitAsync(ct);

            await using var reread = new NpgsqlCommand($"SELECT {TaskRowReader.Columns} FROM agents.tasks WHERE task_id = @id", connection);
            reread.Parameters.AddWithValue("id", taskId);
            return new CancelResult((await TaskRowReader.ReadSingleAsync(reread, ct))!, finished);
        }, idempotent: true, cancellationToken);

    private async Task<TaskRow?> SelectOneAsync(string sql, string value, CancellationToken cancellationToken) =>
        await resilience.ExecuteAsync(async ct =>
        {
            await using var command = dataSource.CreateCommand(sql);
            command.Parameters.AddWithValue("value", value);
            return await TaskRowReader.ReadSingleAsync(command, ct);
        }, idempotent: true, cancellationToken);
}
