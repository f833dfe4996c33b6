using Npgsql;
using NpgsqlTypes;
using Platform.Metrics.Events;

namespace Platform.Metrics.Storage;

/// <summary>
/// Stores batches of calls exactly once: the raw rows and the roll-up deltas of the rows that were new
/// commit together, so a batch written twice (a redelivery after a crash) adds nothing the second time.
/// </summary>
public sealed class CallEventStore(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Writes <paramref name="calls"/> (ids unique within the batch) in one transaction and returns the
    /// calls that were new. Throws on any database failure, having stored nothing.
    /// </summary>
    public async Task<IReadOnlyList<CallRecord>> WriteAsync(IReadOnlyList<CallRecord> calls, CancellationToken cancellationToken)
    {
        if (calls.Count == 0)
            return [];

        // Sorted by id: concurrent writers of overlapping batches then take index locks in the same order.
        var ordered = calls.OrderBy(c => c.EventId, StringComparer.Ordinal).ToList();

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        var inserted = await InsertNewAsync(connection, ordered, cancellationToken);
        if (inserted.Count > 0)
            await AddToRollupsAsync(connection, RollupDeltas.From(inserted), cancellationToken);

        await transaction.CommitAsync(cancellationToken);
        return inserted;
    }

    private static async Task<List<CallRecord>> InsertNewAsync(NpgsqlConnection connection, List<CallRecord> calls, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(CallEventColumns.InsertNew, connection);
        CallEventColumns.AddParameters(command.Parameters, calls);

        var newIds = new HashSet<string>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                newIds.Add(reader.GetString(0));
        }

        return newIds.Count == calls.Count ? calls : calls.Where(c => newIds.Contains(c.EventId)).ToList();
    }

    private static async Task AddToRollupsAsync(NpgsqlConnection connection, RollupDeltas deltas, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(ModelRollupCommand(deltas));
        batch.BatchCommands.Add(AgentRollupCommand(deltas));
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlBatchCommand ModelRollupCommand(RollupDeltas deltas)
    {
        var command = new NpgsqlBatchCommand(RollupSql.UpsertModelRollups);
        var keys = deltas.Models.Keys;
        var statistics = new TallyColumns(deltas.Models.Count);
        foreach (var tally in deltas.Models.Values)
            statistics.Add(tally);

        AddKeyColumn(command, "grain", NpgsqlDbType.Smallint, keys.Select(k => (short)k.Grain));
        AddKeyColumn(command, "bucket_start", NpgsqlDbType.TimestampTz, keys.Select(k => k.BucketStart));
        AddKeyColumn(command, "model", NpgsqlDbType.Text, keys.Select(k => k.Model));
        AddKeyColumn(command, "provider", NpgsqlDbType.Text, keys.Select(k => k.Provider));
        AddKeyColumn(command, "tier", NpgsqlDbType.Smallint, keys.Select(k => (short)k.Tier));
        statistics.AddParametersTo(command.Parameters);
        return command;
    }

    private static NpgsqlBatchCommand AgentRollupCommand(RollupDeltas deltas)
    {
        var command = new NpgsqlBatchCommand(RollupSql.UpsertAgentRollups);
        var keys = deltas.Agents.Keys;
        var statistics = new TallyColumns(deltas.Agents.Count);
        foreach (var tally in deltas.Agents.Values)
            statistics.Add(tally);

        AddKeyColumn(command, "grain", NpgsqlDbType.Smallint, keys.Select(k => (short)k.Grain));
        AddKeyColumn(command, "bucket_start", NpgsqlDbType.TimestampTz, keys.Select(k => k.BucketStart));
        AddKeyColumn(command, "agent_id", NpgsqlDbType.Text, keys.Select(k => k.AgentId));
        AddKeyColumn(command, "team", NpgsqlDbType.Text, keys.Select(k => k.Team));
        AddKeyColumn(command, "tier", NpgsqlDbType.Smallint, keys.Select(k => (short)k.Tier));
        AddKeyColumn(command, "model", NpgsqlDbType.Text, keys.Select(k => k.Model));
        AddKeyColumn(command, "provider", NpgsqlDbType.Text, keys.Select(k => k.Provider));
        statistics.AddParametersTo(command.Parameters);
        return command;
    }

    private static void AddKeyColumn<T>(NpgsqlBatchCommand command, string name, NpgsqlDbType type, IEnumerable<T> values) =>
        command.Parameters.Add(new NpgsqlParameter<T[]>(name, NpgsqlDbType.Array | type) { TypedValue = values.ToArray() });
}
