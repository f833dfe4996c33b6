using Npgsql;
using NpgsqlTypes;
using Platform.Postgres.Resilience;

namespace Platform.Routing.Catalog;

/// <summary>The <c>routing.models</c> table. Writers of one name are serialized by a transaction-scoped advisory lock.</summary>
public sealed class CatalogStore(NpgsqlDataSource dataSource, IPostgresResilience resilience)
{
    public ValueTask<IReadOnlyList<StoredModelRow>> LoadAsync(CancellationToken cancellationToken) =>
        resilience.ExecuteAsync<IReadOnlyList<StoredModelRow>>(async ct =>
        {
            await using var command = dataSource.CreateCommand(
                "SELECT name, spec::text, deleted, revision, create_time, update_time FROM routing.models");
            await using var reader = await command.ExecuteReaderAsync(ct);
            var rows = new List<StoredModelRow>();
            while (await reader.ReadAsync(ct))
                rows.Add(ReadRow(reader));
            return rows;
        }, idempotent: true, cancellationToken);

    /// <summary>
    /// Runs <paramref name="decide"/> on the current row of <paramref name="name"/> (null if none) inside a
    /// transaction that holds the name's lock, and writes the row it returns (if any).
    /// </summary>
    public ValueTask<TResult> WriteAsync<TResult>(
        string name, Func<StoredModelRow?, DateTime, (StoredModelRow? Write, TResult Result)> decide, CancellationToken cancellationToken) =>
        resilience.ExecuteAsync(async ct =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext('routing.models:' || @name))", connection, transaction))
            {
                lockCommand.Parameters.AddWithValue("name", name);
                await lockCommand.ExecuteNonQueryAsync(ct);
            }

            StoredModelRow? current = null;
            await using (var select = new NpgsqlCommand(
                "SELECT name, spec::text, deleted, revision, create_time, update_time FROM routing.models WHERE name = @name", connection, transaction))
            {
                select.Parameters.AddWithValue("name", name);
                await using var reader = await select.ExecuteReaderAsync(ct);
                if (await reader.ReadAsync(ct))
                    current = ReadRow(reader);
            }

            var (write, result) = decide(current, DateTime.UtcNow);
            if (write is not null)
                await SaveAsync(connection, transaction, write, ct);
            await transaction.CommitAsync(ct);
            return result;
        }, idempotent: true, cancellationToken);

    private static async Task SaveAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, StoredModelRow row, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO routing.models (name, spec, deleted, revision, create_time, update_time)
            VALUES (@name, @spec, @deleted, @revision, @create_time, @update_time)
            ON CONFLICT (name) DO UPDATE SET spec = excluded.spec, deleted = excluded.deleted, revision = excluded.revision,
                create_time = excluded.create_time, update_time = excluded.update_time
            """, connection, transaction);
        command.Parameters.AddWithValue("name", row.Name);
        command.Parameters.Add(new NpgsqlParameter("spec", NpgsqlDbType.Jsonb)
        {
            Value = row.Model is null ? DBNull.Value : StoredModelSpec.Serialize(row.Model),
        });
        command.Parameters.AddWithValue("deleted", row.Deleted);
        command.Parameters.AddWithValue("revision", row.Revision);
        command.Parameters.AddWithValue("create_time", row.CreateTime);
        command.Parameters.AddWithValue("update_time", row.UpdateTime);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static StoredModelRow ReadRow(NpgsqlDataReader reader)
    {
        var name = reader.GetString(0);
        var deleted = reader.GetBoolean(2);
        var revision = reader.GetInt64(3);
        var created = DateTime.SpecifyKind(reader.GetDateTime(4), DateTimeKind.Utc);
        var updated = DateTime.SpecifyKind(reader.GetDateTime(5), DateTimeKind.Utc);
        var model = deleted || reader.IsDBNull(1)
            ? null
            : StoredModelSpec.Deserialize(name, reader.GetString(1)) with
            {
                CreateTime = created,
                UpdateTime = updated,
                Etag = ModelEtags.ForRevision(revision),
            };
        return new StoredModelRow(name, model, revision, created, updated);
    }
}
