using Npgsql;
using Platform.Hosting.ApplicationModel;

namespace Platform.Hosting.Local;

/// <summary>A database inside a local PostgreSQL: created when missing, healthy once it accepts a connection.</summary>
internal sealed class DatabaseInstance(PostgresDatabaseResource database, LocalContext context) : ResourceInstance(database, 0, 1)
{
    public override IReadOnlyDictionary<string, Uri> Endpoints => new Dictionary<string, Uri>();

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(PostgresConnections.Tcp(context, database.Server, "postgres"));
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", database.DatabaseName);
        if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
        {
            var quoted = "\"" + database.DatabaseName.Replace("\"", "\"\"") + "\"";
            await using var create = new NpgsqlCommand($"CREATE DATABASE {quoted}", connection);
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            context.Reporter.Info($"{database.Name}: created database {quoted} in {database.Server.Name}");
        }
    }

    public override async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(PostgresConnections.Tcp(context, database.Server, database.DatabaseName));
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }
}
