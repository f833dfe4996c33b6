using Npgsql;
using Platform.Agents.V1;

namespace Platform.Agents.Persistence;

/// <summary>Reads <see cref="TaskRow"/>s; every query selecting tasks uses <see cref="Columns"/>.</summary>
internal static class TaskRowReader
{
    public const string Columns =
        "task_id, agent_id, agent_type, tier, spec, type_snapshot, request_hash, idempotency_key, state, outcome, outcome_reason, result, " +
        "iteration_count, last_step, input_tokens, output_tokens, cached_input_tokens, cost_micros, window_tokens_saved, context_tokens_sent, " +
        "context_bytes_saved, warnings, create_time, start_time, end_time, update_time, call_deadline, run_attempt, last_event_sequence, " +
        "cancel_requested, cancel_reason, owner, lease_expires, carve_reservation_id";

    public static TaskRow Read(NpgsqlDataReader reader) => new()
    {
        TaskId = reader.GetString(0),
        AgentId = reader.GetString(1),
        AgentType = reader.GetString(2),
        Tier = reader.GetInt16(3),
        Spec = TaskSpec.Parser.ParseFrom(reader.GetFieldValue<byte[]>(4)),
        TypeSnapshot = V1.AgentType.Parser.ParseFrom(reader.GetFieldValue<byte[]>(5)),
        RequestHash = reader.GetString(6),
        IdempotencyKey = reader.IsDBNull(7) ? "" : reader.GetString(7),
        State = (TaskState)reader.GetInt16(8),
        Outcome = (TaskOutcome)reader.GetInt16(9),
        OutcomeReason = reader.GetString(10),
        Result = reader.GetString(11),
        IterationCount = reader.GetInt32(12),
        LastStep = reader.GetInt32(13),
        InputTokens = reader.GetInt64(14),
        OutputTokens = reader.GetInt64(15),
        CachedInputTokens = reader.GetInt64(16),
        CostMicros = reader.GetInt64(17),
        WindowTokensSaved = reader.GetInt64(18),
        ContextTokensSent = reader.GetInt64(19),
        ContextBytesSaved = reader.GetInt64(20),
        Warnings = reader.GetInt16(21),
        CreateTime = reader.GetDateTime(22),
        StartTime = NullableTime(reader, 23),
        EndTime = NullableTime(reader, 24),
        UpdateTime = reader.GetDateTime(25),
        CallDeadline = NullableTime(reader, 26),
        RunAttempt = reader.GetInt32(27),
        LastEventSequence = reader.GetInt64(28),
        CancelRequested = reader.GetBoolean(29),
        CancelReason = reader.GetString(30),
        Owner = reader.IsDBNull(31) ? null : reader.GetString(31),
        LeaseExpires = NullableTime(reader, 32),
        CarveReservationId = reader.GetString(33),
    };

    public static async Task<TaskRow?> ReadSingleAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    private static DateTime? NullableTime(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDateTime(ordinal);
}
