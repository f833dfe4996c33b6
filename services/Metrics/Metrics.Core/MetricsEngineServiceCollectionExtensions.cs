using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Metrics.Budget;
using Platform.Metrics.Ingestion;
using Platform.Metrics.Storage;
using Platform.Metrics.Telemetry;
using Platform.Postgres.Migrations;

namespace Platform.Metrics;

/// <summary>
/// The metrics engine's services. Expects an <c>IRedisDatabase</c> and an <c>NpgsqlDataSource</c> to be
/// registered (ServiceDefaults does that from the <c>cache</c> and <c>platformdb</c> connection strings).
/// </summary>
public static class MetricsEngineServiceCollectionExtensions
{
    public const string Schema = "metrics";

    /// <summary>Schema migrations, storage and the instruments; enough to record and report.</summary>
    public static IServiceCollection AddMetricsStorage(this IServiceCollection services)
    {
        services.AddPostgresMigrations(Schema, typeof(CallEventStore).Assembly, "Storage/Migrations");
        services.AddSingleton<CallEventStore>();
        services.AddSingleton<BudgetUtilisationStore>();
        services.AddSingleton<CallInstruments>();
        services.AddSingleton<IngestionInstruments>();
        services.AddSingleton<StreamBacklog>();
        return services;
    }

    /// <summary>The consumers of the call and budget streams, and stream maintenance.</summary>
    public static IServiceCollection AddMetricsIngestion(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IngestionOptions>().Bind(configuration.GetSection(IngestionOptions.SectionName));
        services.AddSingleton<CallBatchIngester>();
        services.AddSingleton<BudgetEventIngester>();
        services.AddSingleton<IHostedService, CallStreamConsumer>();
        services.AddSingleton<IHostedService, BudgetStreamConsumer>();
        services.AddSingleton<IHostedService, StreamMaintenance>();
        return services;
    }
}
