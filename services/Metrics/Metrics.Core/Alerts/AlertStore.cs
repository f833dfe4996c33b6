using Npgsql;
using NpgsqlTypes;
using Platform.Metrics.V1;

namespace Platform.Metrics.Alerts;

/// <summary>
/// Alert occurrences and their change log in PostgreSQL. One evaluator at a time applies a round of
/// conditions (a transaction-scoped advisory lock), so every replica may try and none double-fires.
/// </summary>
public sealed class AlertStore(NpgsqlDataSource dataSource)
{
    private const long EvaluationLock = 0x6d_65_74_72_69_63_73_01; // "metrics" + 1

    private const string AlertColumns = """
        a.alert_id, a.kind, a.state, a.severity, a.scope, a.scope_id, a.observed_value, a.threshold, a.unit, a.message,
        a.start_time, a.end_time, a.update_time
        """;

    /// <summary>
    /// Fires conditions that are new, updates firing alerts whose severity or value moved, resolves firing
    /// alerts whose condition no longer holds. Returns the changes made (none if another replica holds the round).
    /// </summary>
    public async Task<IReadOnlyList<AlertChangeEvent>> ApplyAsync(IReadOnlyList<AlertCondition> conditions, DateTime now,
        double updateWhenValueMovesBy, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand($"SELECT pg_try_advisory_xact_lock({EvaluationLock})", connection))
        {
            if (!(bool)(await lockCommand.ExecuteScalarAsync(cancellationToken))!)
                return [];
        }

        var firing = (await ReadAlertsAsync(connection, $"SELECT {AlertColumns} FROM metrics.alerts a WHERE a.state = 1", _ => { }, cancellationToken))
            .ToDictionary(a => (a.Kind, a.Scope, a.ScopeId));
        var changes = new List<(AlertChange Change, Alert Alert)>();
        foreach (var condition in conditions)
        {
            if (!firing.Remove(condition.Identity, out var current))
                changes.Add((AlertChange.Fired, NewAlert(condition, now)));
            else if (HasMoved(current, condition, updateWhenValueMovesBy))
                changes.Add((AlertChange.Updated, current with
                {
                    Severity = condition.Severity, ObservedValue = condition.ObservedValue, Message = condition.Message, UpdateTime = now,
                }));
        }

        foreach (var resolved in firing.Values)
            changes.Add((AlertChange.Resolved, resolved with { State = AlertState.Resolved, EndTime = now, UpdateTime = now }));

        var events = new List<AlertChangeEvent>(changes.Count);
        foreach (var (change, alert) in changes)
            events.Add(new AlertChangeEvent(await SaveAsync(connection, change, alert, cancellationToken), change, alert));
        await transaction.CommitAsync(cancellationToken);
        return events;
    }

    public async Task<(IReadOnlyList<Alert> Alerts, long AsOfSequence)> ReadFiringAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // Repeatable read: the alerts and the sequence they are current as of come from one snapshot.
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        var alerts = await ReadAlertsAsync(connection,
            $"SELECT {AlertColumns} FROM metrics.alerts a WHERE a.state = 1 ORDER BY a.start_time DESC, a.alert_id DESC", _ => { }, cancellationToken);
        var sequence = await LatestSequenceAsync(connection, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (alerts, sequence);
    }

    public async Task<long> LatestSequenceAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await LatestSequenceAsync(connection, cancellationToken);
    }

    public async Task<IReadOnlyList<AlertChangeEvent>> ReadChangesAsync(long afterSequence, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT c.seq, c.change, a.alert_id, a.kind, c.state, c.severity, a.scope, a.scope_id, c.observed_value, a.threshold,
                   a.unit, c.message, a.start_time, c.end_time, c.update_time
            FROM metrics.alert_changes c JOIN metrics.alerts a ON a.alert_id = c.alert_id
            WHERE c.seq > @after ORDER BY c.seq LIMIT @limit
            """);
        command.Parameters.AddWithValue("after", afterSequence);
        command.Parameters.AddWithValue("limit", limit);
        var changes = new List<AlertChangeEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            changes.Add(new AlertChangeEvent(reader.GetInt64(0), (AlertChange)reader.GetInt16(1), ReadAlert(reader, 2)));
        return changes;
    }

    public async Task<int> CountFiringAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM metrics.alerts WHERE state = 1");
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken));
    }

    /// <summary>Alerts newest first; <paramref name="activeIn"/> keeps those firing at some point in it.</summary>
    public async Task<IReadOnlyList<Alert>> ListAsync(IReadOnlyCollection<AlertState> states, IReadOnlyCollection<AlertKind> kinds,
        (DateTime Start, DateTime End)? activeIn, int offset, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var sql = $"""
            SELECT {AlertColumns} FROM metrics.alerts a
            WHERE (cardinality(@states) = 0 OR a.state = ANY(@states))
              AND (cardinality(@kinds) = 0 OR a.kind = ANY(@kinds))
              AND (NOT @ranged OR (a.start_time < @range_end AND (a.end_time IS NULL OR a.end_time >= @range_start)))
            ORDER BY a.start_time DESC, a.alert_id DESC
            OFFSET @offset LIMIT @limit
            """;
        return await ReadAlertsAsync(connection, sql, p =>
        {
            p.Add(new NpgsqlParameter<short[]>("states", NpgsqlDbType.Array | NpgsqlDbType.Smallint) { TypedValue = states.Select(s => (short)s).ToArray() });
            p.Add(new NpgsqlParameter<short[]>("kinds", NpgsqlDbType.Array | NpgsqlDbType.Smallint) { TypedValue = kinds.Select(k => (short)k).ToArray() });
            p.AddWithValue("ranged", activeIn is not null);
            p.AddWithValue("range_start", activeIn?.Start ?? DateTime.UnixEpoch);
            p.AddWithValue("range_end", activeIn?.End ?? DateTime.UnixEpoch);
            p.AddWithValue("offset", offset);
            p.AddWithValue("limit", limit);
        }, cancellationToken);
    }

    private static bool HasMoved(Alert current, AlertCondition condition, double fraction) =>
        current.Severity != condition.Severity
        || Math.Abs(condition.ObservedValue - current.ObservedValue) > fraction * Math.Abs(current.ObservedValue);

    private static Alert NewAlert(AlertCondition condition, DateTime now) => new(
        "alt_" + Guid.NewGuid().ToString("N"), condition.Kind, AlertState.Firing, condition.Severity, condition.Scope, condition.ScopeId,
        condition.ObservedValue, condition.Threshold, condition.Unit, condition.Message, now, null, now);

    private static async Task<long> SaveAsync(NpgsqlConnection connection, AlertChange change, Alert alert, CancellationToken cancellationToken)
    {
        await using var upsert = new NpgsqlCommand("""
            INSERT INTO metrics.alerts (alert_id, kind, scope, scope_id, state, severity, observed_value, threshold, unit, message,
                                        start_time, end_time, update_time)
            VALUES (@id, @kind, @scope, @scope_id, @state, @severity, @observed, @threshold, @unit, @message, @start, @end, @update)
            ON CONFLICT (alert_id) DO UPDATE SET state = EXCLUDED.state, severity = EXCLUDED.severity,
                observed_value = EXCLUDED.observed_value, message = EXCLUDED.message, end_time = EXCLUDED.end_time,
                update_time = EXCLUDED.update_time
            """, connection);
        AddAlertParameters(upsert.Parameters, alert);
        await upsert.ExecuteNonQueryAsync(cancellationToken);

        await using var log = new NpgsqlCommand("""
            INSERT INTO metrics.alert_changes (alert_id, change, state, severity, observed_value, message, end_time, update_time)
            VALUES (@id, @change, @state, @severity, @observed, @message, @end, @update)
            RETURNING seq
            """, connection);
        AddAlertParameters(log.Parameters, alert);
        log.Parameters.AddWithValue("change", (short)change);
        return Convert.ToInt64(await log.ExecuteScalarAsync(cancellationToken));
    }

    private static void AddAlertParameters(NpgsqlParameterCollection p, Alert alert)
    {
        p.AddWithValue("id", alert.AlertId);
        p.AddWithValue("kind", (short)alert.Kind);
        p.AddWithValue("scope", (short)alert.Scope);
        p.AddWithValue("scope_id", alert.ScopeId);
        p.AddWithValue("state", (short)alert.State);
        p.AddWithValue("severity", (short)alert.Severity);
        p.AddWithValue("observed", alert.ObservedValue);
        p.AddWithValue("threshold", alert.Threshold);
        p.AddWithValue("unit", alert.Unit);
        p.AddWithValue("message", alert.Message);
        p.AddWithValue("start", alert.StartTime);
        p.AddWithValue("end", (object?)alert.EndTime ?? DBNull.Value);
        p.AddWithValue("update", alert.UpdateTime);
    }

    private static async Task<long> LatestSequenceAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT coalesce(max(seq), 0) FROM metrics.alert_changes", connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken));
    }

    private static async Task<List<Alert>> ReadAlertsAsync(NpgsqlConnection connection, string sql, Action<NpgsqlParameterCollection> parameters,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        parameters(command.Parameters);
        var alerts = new List<Alert>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            alerts.Add(ReadAlert(reader, 0));
        return alerts;
    }

    // Columns in AlertColumns order, starting at `first`.
    private static Alert ReadAlert(NpgsqlDataReader reader, int first) => new(
        reader.GetString(first),
        (AlertKind)reader.GetInt16(first + 1),
        (AlertState)reader.GetInt16(first + 2),
        (AlertSeverity)reader.GetInt16(first + 3),
        (AlertScope)reader.GetInt16(first + 4),
        reader.GetString(first + 5),
        reader.GetDouble(first + 6),
        reader.GetDouble(first + 7),
        reader.GetString(first + 8),
        reader.GetString(first + 9),
        reader.GetDateTime(first + 10),
        reader.IsDBNull(first + 11) ? null : reader.GetDateTime(first + 11),
        reader.GetDateTime(first + 12));
}
