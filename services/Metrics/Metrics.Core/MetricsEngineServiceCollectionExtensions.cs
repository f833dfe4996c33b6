using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Platform.Metrics.Alerts;
using Platform.Metrics.Budget;
using Platform.Metrics.Ingestion;
using Platform.Metrics.Reports;
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

    /// <summary>Schema migrations, storage, Record, reports and the instruments.</summary>
    public static IServiceCollection AddMetricsStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<ReportOptions>().Bind(configuration.GetSection(ReportOptions.SectionName));
        services.AddPostgresMigrations(Schema, typeof(CallEventStore).Assembly, "Storage/Migrations");
        services.AddSingleton<CallEventStore>();
        services.AddSingleton<RollupReader>();
        services.AddSingleton<BudgetUtilisationStore>();
        services.AddSingleton<CallInstruments>();
        services.AddSingleton<IngestionInstruments>();
        services.AddSingleton<StreamBacklog>();
        services.AddSingleton<CallRecorder>();
        services.AddSingleton<RollupSource>();
        services.AddSingleton<ModelReports>();
        services.AddSingleton<AgentReports>();
        services.AddSingleton<TierReports>();
        services.AddSingleton<SpendReports>();
        services.AddSingleton<TopSpenderReports>();
        services.AddSingleton<LiveSnapshots>();
        services.AddSingleton<TimeSeriesReports>();
        services.AddSingleton<AlertStore>();
        services.AddSingleton<AlertQueries>();
        services.AddSingleton<IHostedService, RollupRetention>();
        return services;
    }

    /// <summary>Alert evaluation (one replica at a time), the alert change feed and the database-backed gauges.</summary>
    public static IServiceCollection AddMetricsAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AlertOptions>().Bind(configuration.GetSection(AlertOptions.SectionName));
        services.AddSingleton<AlertEvaluator>();
        services.AddSingleton<IHostedService>(provider => provider.GetRequiredService<AlertEvaluator>());
        services.AddSingleton<AlertFeed>();
        services.AddSingleton<IHostedService>(provider => provider.GetRequiredService<AlertFeed>());
        services.AddSingleton<IHostedService, LiveGauges>();
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
