using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Platform.Postgres.Migrations;

/// <summary>
/// Migrates during host start-up. Hosted services start in registration order, and the web server
/// after all of them, so the app serves nothing until its schema is current.
/// </summary>
internal sealed class PostgresMigrationHostedService(
    NpgsqlDataSource dataSource,
    string schema,
    IReadOnlyList<Migration> migrations,
    ILogger<PostgresMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var applied = await new PostgresMigrator(dataSource, schema, migrations, logger).MigrateAsync(cancellationToken);
        logger.LogInformation(
            "Schema {Schema} is at version {Version} ({Applied} migrations applied by this instance)",
            schema, migrations.Max(m => m.Version), applied.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
