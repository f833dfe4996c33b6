using System.Data.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.Postgres;
using Platform.Postgres.Resilience;

// Aspire.Npgsql puts AddNpgsqlDataSource here too, so swapping back is a package reference change.
namespace Microsoft.Extensions.Hosting;

public static class NpgsqlHostingExtensions
{
    /// <summary>
    /// Registers a singleton <see cref="NpgsqlDataSource"/> built from <c>ConnectionStrings:{connectionName}</c>,
    /// a transient <see cref="NpgsqlConnection"/>, the readiness check <c>postgres</c> and <see cref="IPostgresResilience"/>.
    /// </summary>
    /// <remarks>
    /// Npgsql emits traces (ActivitySource "Npgsql") and metrics (Meter "Npgsql") on its own; they reach
    /// whatever listens, such as the Prometheus exporter, with no switch to turn on.
    /// </remarks>
    public static void AddNpgsqlDataSource(
        this IHostApplicationBuilder builder,
        string connectionName,
        Action<NpgsqlSettings>? configureSettings = null,
        Action<NpgsqlDataSourceBuilder>? configureDataSourceBuilder = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionName);

        var settings = new NpgsqlSettings { ConnectionString = builder.Configuration.GetConnectionString(connectionName) };
        configureSettings?.Invoke(settings);

        // Resolved lazily: test hosts may add configuration after this call, and the error should name
        // the key whichever way the value was meant to arrive.
        builder.Services.AddSingleton(services =>
        {
            var connectionString = settings.ConnectionString
                ?? services.GetRequiredService<IConfiguration>().GetConnectionString(connectionName)
                ?? throw new InvalidOperationException(
                    $"PostgreSQL connection string 'ConnectionStrings:{connectionName}' is missing. " +
                    $"Set it in configuration (environment variable ConnectionStrings__{connectionName}).");

            var dataSourceBuilder = new NpgsqlDataSourceBuilder(connectionString) { Name = connectionName };
            dataSourceBuilder.UseLoggerFactory(services.GetService<ILoggerFactory>());
            configureDataSourceBuilder?.Invoke(dataSourceBuilder);
            return dataSourceBuilder.Build();
        });
        builder.Services.TryAddSingleton<DbDataSource>(services => services.GetRequiredService<NpgsqlDataSource>());
        builder.Services.TryAddTransient(services => services.GetRequiredService<NpgsqlDataSource>().CreateConnection());
        builder.Services.AddPostgresResilience();

        if (!settings.DisableHealthChecks)
        {
            builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
                PostgresHealthCheck.Name,
                services => new PostgresHealthCheck(services.GetRequiredService<NpgsqlDataSource>(), settings.HealthCheckTimeout),
                failureStatus: HealthStatus.Unhealthy,
                tags: ["ready"]));
        }
    }
}
