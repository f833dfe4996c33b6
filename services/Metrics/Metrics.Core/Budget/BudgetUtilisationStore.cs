using Npgsql;

namespace Platform.Metrics.Budget;

/// <summary>The latest utilisation per agent and window in <c>metrics.budget_utilisation</c>.</summary>
public sealed class BudgetUtilisationStore(NpgsqlDataSource dataSource)
{
    // Newer events win; a redelivered or out-of-order older event changes nothing.
    private const string Upsert = """
        INSERT INTO metrics.budget_utilisation AS b (agent_id, budget_window, tier, utilisation_percent, threshold_percent,
            limit_value, consumed, window_end_time, event_time, event_id)
        VALUES (@agent_id, @window, @tier, @utilisation, @threshold, @limit, @consumed, @window_end, @event_time, @event_id)
        ON CONFLICT (agent_id, budget_window) DO UPDATE SET
            tier = EXCLUDED.tier, utilisation_percent = EXCLUDED.utilisation_percent,
            threshold_percent = EXCLUDED.threshold_percent, limit_value = EXCLUDED.limit_value,
            consumed = EXCLUDED.consumed, window_end_time = EXCLUDED.window_end_time,
            event_time = EXCLUDED.event_time, event_id = EXCLUDED.event_id
        WHERE (EXCLUDED.event_time, EXCLUDED.event_id) > (b.event_time, b.event_id)
        """;

    public async Task UpsertAsync(IReadOnlyList<BudgetUtilisation> readings, CancellationToken cancellationToken)
    {
        if (readings.Count == 0)
            return;

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        foreach (var reading in readings)
        {
            var command = new NpgsqlBatchCommand(Upsert);
            command.Parameters.AddWithValue("agent_id", reading.AgentId);
            command.Parameters.AddWithValue("window", reading.Window);
            command.Parameters.AddWithValue("tier", (short)reading.Tier);
            command.Parameters.AddWithValue("utilisation", reading.UtilisationPercent);
            command.Parameters.AddWithValue("threshold", reading.ThresholdPercent);
            command.Parameters.AddWithValue("limit", reading.Limit);
            command.Parameters.AddWithValue("consumed", reading.Consumed);
            command.Parameters.AddWithValue("window_end", (object?)reading.WindowEndTime ?? DBNull.Value);
            command.Parameters.AddWithValue("event_time", reading.EventTime);
            command.Parameters.AddWithValue("event_id", reading.EventId);
            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Readings whose window has not ended at <paramref name="utcNow"/> (no window end = still current).</summary>
    public async Task<IReadOnlyList<BudgetUtilisation>> ReadCurrentAsync(DateTime utcNow, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT agent_id, budget_window, tier, utilisation_percent, threshold_percent, limit_value, consumed,
                   window_end_time, event_time, event_id
            FROM metrics.budget_utilisation
            WHERE window_end_time IS NULL OR window_end_time > @now
            ORDER BY agent_id, budget_window
            """);
        command.Parameters.AddWithValue("now", utcNow);
        var readings = new List<BudgetUtilisation>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            readings.Add(new BudgetUtilisation(
                reader.GetString(0), reader.GetString(1), (Common.V1.Tier)reader.GetInt16(2), reader.GetDouble(3),
                reader.GetInt32(4), reader.GetInt64(5), reader.GetInt64(6),
                reader.IsDBNull(7) ? null : reader.GetDateTime(7), reader.GetDateTime(8), reader.GetString(9)));
        }

        return readings;
    }
}
