using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Platform.Postgres.Migrations;

public static class PostgresMigrationServiceCollectionExtensions
{
    /// <summary>
    /// Applies <paramref name="assembly"/>'s embedded <c>{folder}/NNNN_name.sql</c> scripts to
    /// <paramref name="schema"/> at start-up, using the registered <see cref="NpgsqlDataSource"/>.
    /// </summary>
    public static IServiceCollection AddPostgresMigrations(
        this IServiceCollection services, string schema, Assembly assembly, string folder = "Migrations")
    {
        PostgresMigrator.ValidateSchemaName(schema);

        // Loaded now, so a missing or malformed script fails at wiring time rather than at first start.
        var migrations = EmbeddedMigrations.Load(assembly, folder);

        // Not AddHostedService: it de-duplicates by type, and a service may own several schemas.
        services.AddSingleton<IHostedService>(provider => new PostgresMigrationHostedService(
            provider.GetRequiredService<NpgsqlDataSource>(),
            schema,
            migrations,
            provider.GetRequiredService<ILogger<PostgresMigrator>>()));
        return services;
    }
}
