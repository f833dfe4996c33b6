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
            await AddToRollupsAsync(connection, inserted, cancellationToken);

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

    private static async Task AddToRollupsAsync(NpgsqlConnection connection, IReadOnlyList<CallRecord> calls, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection);
        foreach (var cube in RollupCube.All)
            batch.BatchCommands.Add(UpsertCommand(cube, RollupDeltas.For(cube, calls)));
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlBatchCommand UpsertCommand(RollupCube cube, IReadOnlyList<KeyValuePair<RollupKey, CallTally>> deltas)
    {
        var command = new NpgsqlBatchCommand(RollupSql.Upsert(cube));
        AddKeyColumn(command, "grain", NpgsqlDbType.Smallint, deltas.Select(d => (short)d.Key.Grain));
        AddKeyColumn(command, "bucket_start", NpgsqlDbType.TimestampTz, deltas.Select(d => d.Key.BucketStart));
        foreach (var dimension in cube.Dimensions)
        {
            if (dimension == RollupDimension.Tier)
                AddKeyColumn(command, "tier", NpgsqlDbType.Smallint, deltas.Select(d => (short)d.Key.Tier));
            else
                AddKeyColumn(command, RollupCube.Column(dimension), NpgsqlDbType.Text, deltas.Select(d => (string)d.Key.Label(dimension)));
        }

        var statistics = new TallyColumns(deltas.Count);
        foreach (var delta in deltas)
            statistics.Add(delta.Value);
        statistics.AddParametersTo(command.Parameters);
        return command;
    }

    private static void AddKeyColumn<T>(NpgsqlBatchCommand command, string name, NpgsqlDbType type, IEnumerable<T> values) =>
        command.Parameters.Add(new NpgsqlParameter<T[]>(name, NpgsqlDbType.Array | type) { TypedValue = values.ToArray() });
}
