using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Platform.Postgres.Migrations;

/// <summary>
/// Brings one schema up to date. Replicas starting together serialise on an advisory lock: the first
/// applies the pending migrations, the others wait, then find nothing left to do.
/// </summary>
public sealed partial class PostgresMigrator
{
    // Waiting for another replica's migrations is bounded, so a stuck lock holder fails start-up loudly.
    private const int LockWaitSeconds = 600;

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _schema;
    private readonly IReadOnlyList<Migration> _migrations;
    private readonly ILogger _logger;

    public PostgresMigrator(NpgsqlDataSource dataSource, string schema, IReadOnlyList<Migration> migrations, ILogger logger)
    {
        ValidateSchemaName(schema);
        _dataSource = dataSource;
        _schema = schema;
        _migrations = migrations.OrderBy(m => m.Version).ToList();
        _logger = logger;
    }

    /// <summary>Applies every pending migration, each in its own transaction; returns the ones this call applied.</summary>
    /// <exception cref="MigrationChecksumMismatchException">An applied migration's script has changed.</exception>
    public async Task<IReadOnlyList<Migration>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        var lockKey = AdvisoryLockKey.ForSchema(_schema);

        // Session-level lock: held across the per-migration transactions, and released by the server
        // if this process dies mid-way.
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({lockKey})", LockWaitSeconds, cancellationToken);
        try
        {
            await ExecuteAsync(connection, $"""
                CREATE SCHEMA IF NOT EXISTS {_schema};
                CREATE TABLE IF NOT EXISTS {_schema}.schema_migrations (
                    version    integer     PRIMARY KEY,
                    name       text        NOT NULL,
                    checksum   text        NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now()
                );
                """, LockWaitSeconds, cancellationToken);

            var applied = await ReadAppliedAsync(connection, cancellationToken);
            var pending = FindPending(applied);
            foreach (var migration in pending)
            {
                await ApplyAsync(connection, migration, cancellationToken);
            }

            return pending;
        }
        finally
        {
            await UnlockAsync(connection, lockKey);
        }
    }

    internal static void ValidateSchemaName(string schema)
    {
        if (!SchemaName().IsMatch(schema))
        {
            throw new ArgumentException($"Schema name '{schema}' must be lower-case letters, digits and underscores.", nameof(schema));
        }
    }

    private static async Task UnlockAsync(NpgsqlConnection connection, long lockKey)
    {
        try
        {
            // Never cancelled: a lock left behind would block every other replica.
            await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({lockKey})", 30, CancellationToken.None);
        }
        catch (NpgsqlException)
        {
            // The connection broke; the server released the session's lock with it. Let the original error surface.
        }
    }

    private List<Migration> FindPending(IReadOnlyDictionary<int, string> applied)
    {
        foreach (var migration in _migrations)
        {
            if (applied.TryGetValue(migration.Version, out var checksum) && checksum != migration.Checksum)
            {
                throw new MigrationChecksumMismatchException(_schema, migration, checksum);
            }
        }

        var unknown = applied.Keys.Where(version => _migrations.All(m => m.Version != version)).ToList();
        if (unknown.Count > 0)
        {
            // A newer replica got here first during a rolling upgrade; its migrations must stay compatible with us.
            _logger.LogInformation(
                "Schema {Schema} has migrations this build does not know: {Versions}", _schema, string.Join(", ", unknown));
        }

        return _migrations.Where(m => !applied.ContainsKey(m.Version)).ToList();
    }

    private async Task ApplyAsync(NpgsqlConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        _logger.LogInformation("Applying migration {Schema}/{Migration}", _schema, migration);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // Scripts may name their tables unqualified; they land in the service's own schema.
        await ExecuteAsync(connection, $"SET LOCAL search_path TO {_schema}, public", 30, cancellationToken);
        try
        {
            await ExecuteAsync(connection, migration.Sql, LockWaitSeconds, cancellationToken);
        }
        catch (PostgresException exception)
        {
            throw new InvalidOperationException($"Migration {_schema}/{migration} failed: {exception.Message}", exception);
        }

        await using var record = new NpgsqlCommand(
            $"INSERT INTO {_schema}.schema_migrations (version, name, checksum) VALUES ($1, $2, $3)", connection);
        record.Parameters.Add(new NpgsqlParameter { Value = migration.Version });
        record.Parameters.Add(new NpgsqlParameter { Value = migration.Name });
        record.Parameters.Add(new NpgsqlParameter { Value = migration.Checksum });
        await record.ExecuteNonQueryAsync(cancellationToken);

        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<Dictionary<int, string>> ReadAppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT version, checksum FROM {_schema}.schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var applied = new Dictionary<int, string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            applied[reader.GetInt32(0)] = reader.GetString(1);
        }

        return applied;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, int timeoutSeconds, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = timeoutSeconds };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // Checked so the schema can be spliced into SQL without quoting.
    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex SchemaName();
}
