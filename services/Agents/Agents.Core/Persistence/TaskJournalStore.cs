using Google.Protobuf;
using Npgsql;
using Platform.Agents.Loop;
using Platform.Agents.Tasks;
using Platform.Agents.V1;
using Platform.Postgres.Resilience;

namespace Platform.Agents.Persistence;

/// <summary>
/// The worker's writes to a task it holds: each is one statement (so one transaction) conditional on the
/// lease, and a write that finds the lease gone throws <see cref="LeaseLostException"/>.
/// </summary>
public sealed class TaskJournalStore(NpgsqlDataSource dataSource, IPostgresResilience resilience)
{
    private const string Fence = "task_id = @id AND owner = @owner AND run_attempt = @attempt AND state = 2";

    private const string StepSql = $"""
        WITH t AS (
            UPDATE agents.tasks
            SET last_step = @step, iteration_count = @iteration, input_tokens = @input, output_tokens = @output,
                cached_input_tokens = @cached, cost_micros = @cost, window_tokens_saved = @saved, context_tokens_sent = @context_sent,
                warnings = @warnings, last_event_sequence = @last_seq, update_time = @now, lease_expires = now() + @lease
            WHERE {Fence}
            RETURNING task_id),
        s AS (
            INSERT INTO agents.steps (task_id, step_number, iteration, phase, model, provider, input_tokens, output_tokens,
                                      cached_input_tokens, cost_micros, latency_ms, fallback_depth, context_tokens, content, request_id, create_time)
            SELECT task_id, @step, @iteration, @phase, @model, @provider, @step_input, @step_output, @step_cached, @step_cost,
                   @latency, @fallback, @context_tokens, @content, @request, @now FROM t)
        INSERT INTO agents.task_events (task_id, sequence, event)
        SELECT t.task_id, e.seq, e.ev FROM t, unnest(@seqs::bigint[], @events::bytea[]) AS e(seq, ev)
        """;

    public async Task RecordStepAsync(TaskLease lease, StepWrite write, TimeSpan leaseDuration, CancellationToken cancellationToken)
    {
        var step = write.Step;
        int written;
        try
        {
            written = await resilience.ExecuteAsync(async ct =>
            {
                await using var command = dataSource.CreateCommand(StepSql);
                AddFence(command, lease);
                var p = command.Parameters;
                p.AddWithValue("step", step.StepNumber);
                p.AddWithValue("iteration", step.Iteration);
                p.AddWithValue("input", write.Totals.InputTokens);
                p.AddWithValue("output", write.Totals.OutputTokens);
                p.AddWithValue("cached", write.Totals.CachedInputTokens);
                p.AddWithValue("cost", write.Totals.CostMicros);
                p.AddWithValue("saved", write.Totals.WindowTokensSaved);
                p.AddWithValue("context_sent", write.Totals.SharedContextTokensSent);
                p.AddWithValue("warnings", (short)write.Warnings);
                p.AddWithValue("last_seq", write.Events[^1].Sequence);
                p.AddWithValue("now", step.Time);
                p.AddWithValue("lease", leaseDuration);
                p.AddWithValue("phase", (short)step.Phase);
                p.AddWithValue("model", step.Reply.Model);
                p.AddWithValue("provider", step.Reply.Provider);
                p.AddWithValue("step_input", step.Reply.InputTokens);
                p.AddWithValue("step_output", step.Reply.OutputTokens);
                p.AddWithValue("step_cached", step.Reply.CachedInputTokens);
                p.AddWithValue("step_cost", step.Reply.CostMicros);
                p.AddWithValue("latency", step.LatencyMs);
                p.AddWithValue("fallback", step.Reply.FallbackDepth);
                p.AddWithValue("context_tokens", step.ContextTokens);
                p.AddWithValue("content", step.Reply.Content);
                p.AddWithValue("request", step.Reply.RequestId);
                p.AddWithValue("seqs", write.Events.Select(e => e.Sequence).ToArray());
                p.AddWithValue("events", write.Events.Select(e => e.ToByteArray()).ToArray());
                return await command.ExecuteNonQueryAsync(ct);
            }, idempotent: false, cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            if (await HasStepAsync(lease, step, cancellationToken))
                return; // a retry after a commit whose acknowledgement was lost: the step is already recorded
            throw;
        }
        if (written == 0)
            throw new LeaseLostException(lease.TaskId);
    }

    /// <summary>Appends events (started, warnings) under the lease.</summary>
    public async Task AppendEventsAsync(TaskLease lease, IReadOnlyList<TaskEvent> events, CancellationToken cancellationToken)
    {
        var written = await resilience.ExecuteAsync(async ct =>
        {
            await using var command = dataSource.CreateCommand($"""
                WITH t AS (UPDATE agents.tasks SET last_event_sequence = @last_seq, update_time = now() WHERE {Fence} RETURNING task_id)
                INSERT INTO agents.task_events (task_id, sequence, event)
                SELECT t.task_id, e.seq, e.ev FROM t, unnest(@seqs::bigint[], @events::bytea[]) AS e(seq, ev)
                ON CONFLICT DO NOTHING
                """);
            AddFence(command, lease);
            command.Parameters.AddWithValue("last_seq", events[^1].Sequence);
            command.Parameters.AddWithValue("seqs", events.Select(e => e.Sequence).ToArray());
            command.Parameters.AddWithValue("events", events.Select(e => e.ToByteArray()).ToArray());
            return await command.ExecuteNonQueryAsync(ct);
        }, idempotent: true, cancellationToken);
        if (written == 0)
            throw new LeaseLostException(lease.TaskId);
    }

    /// <summary>Finishes the task with its outcome and TaskFinished event, ending the lease.</summary>
    public async Task FinishAsync(TaskLease lease, LoopEnd end, DateTime endTime, TaskEvent finished, CancellationToken cancellationToken)
    {
        var written = await resilience.ExecuteAsync(async ct =>
        {
            await using var command = dataSource.CreateCommand($"""
                WITH t AS (
                    UPDATE agents.tasks
                    SET state = 3, outcome = @outcome, outcome_reason = @reason, result = @result, end_time = @end, update_time = @end,
                        last_event_sequence = @seq, owner = NULL, lease_expires = NULL
                    WHERE {Fence}
                    RETURNING task_id)
                INSERT INTO agents.task_events (task_id, sequence, event) SELECT task_id, @seq, @event FROM t
                ON CONFLICT DO NOTHING
                """);
            AddFence(command, lease);
            command.Parameters.AddWithValue("outcome", (short)end.Outcome);
            command.Parameters.AddWithValue("reason", end.Reason);
            command.Parameters.AddWithValue("result", end.Result);
            command.Parameters.AddWithValue("end", endTime);
            command.Parameters.AddWithValue("seq", finished.Sequence);
            command.Parameters.AddWithValue("event", finished.ToByteArray());
            return await command.ExecuteNonQueryAsync(ct);
        }, idempotent: true, cancellationToken);
        if (written == 0)
            throw new LeaseLostException(lease.TaskId);
    }

    /// <summary>Remembers the task's current budget carve-out, so a resumed task can give it back.</summary>
    public async Task SetCarveAsync(TaskLease lease, string reservationId, CancellationToken cancellationToken) =>
        await resilience.ExecuteAsync(async ct =>
        {
            await using var command = dataSource.CreateCommand($"UPDATE agents.tasks SET carve_reservation_id = @carve WHERE {Fence}");
            AddFence(command, lease);
            command.Parameters.AddWithValue("carve", reservationId);
            return await command.ExecuteNonQueryAsync(ct);
        }, idempotent: true, cancellationToken);

    public async Task<IReadOnlyList<RecordedStep>> LoadStepsAsync(string taskId, CancellationToken cancellationToken) =>
        await resilience.ExecuteAsync(async ct =>
        {
            await using var command = dataSource.CreateCommand("SELECT step_number, phase, content FROM agents.steps WHERE task_id = @id ORDER BY step_number");
            command.Parameters.AddWithValue("id", taskId);
            var steps = new List<RecordedStep>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                steps.Add(new RecordedStep(reader.GetInt32(0), (StepPhase)reader.GetInt16(1), reader.GetString(2)));
            return (IReadOnlyList<RecordedStep>)steps;
        }, idempotent: true, cancellationToken);

    private async Task<bool> HasStepAsync(TaskLease lease, StepRecord step, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT request_id FROM agents.steps WHERE task_id = @id AND step_number = @step");
        command.Parameters.AddWithValue("id", lease.TaskId);
        command.Parameters.AddWithValue("step", step.StepNumber);
        return await command.ExecuteScalarAsync(cancellationToken) is string request && request == step.Reply.RequestId;
    }

    private static void AddFence(NpgsqlCommand command, TaskLease lease)
    {
        command.Parameters.AddWithValue("id", lease.TaskId);
        command.Parameters.AddWithValue("owner", lease.Owner);
        command.Parameters.AddWithValue("attempt", lease.Attempt);
    }
}
