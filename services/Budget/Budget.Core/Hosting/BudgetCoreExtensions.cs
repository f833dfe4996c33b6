using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Platform.Budget.Accounting;
using Platform.Budget.Events;
using Platform.Budget.Expiry;
using Platform.Budget.Ledger;
using Platform.Budget.Reallocation;
using Platform.Budget.Registry;
using Platform.Budget.Reports;
using Platform.Budget.Sizing;
using Platform.Postgres.Migrations;

namespace Platform.Budget.Hosting;

/// <summary>
/// The budget engine's services and background work. Needs an IRedisDatabase and an
/// NpgsqlDataSource (ServiceDefaults registers both from ConnectionStrings:cache / :platformdb).
/// </summary>
public static class BudgetCoreExtensions
{
    public static IServiceCollection AddBudgetCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BudgetOptions>().Bind(configuration.GetSection(BudgetOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<BudgetSettings>();

        // The hot path: validation and one script per call.
        services.AddSingleton<WindowGuess>();
        services.AddSingleton<OutputSizer>();
        services.AddSingleton<BudgetAccountant>();
        services.AddSingleton<ServerClock>();
        services.AddSingleton<ReservationSweeper>();

        // Registry: PostgreSQL is the source of truth, mirrored into Redis.
        services.AddPostgresMigrations("budget", typeof(BudgetCoreExtensions).Assembly);
        services.AddSingleton<RegistryStore>();
        services.AddSingleton<ConfigMirror>();
        services.AddSingleton<AgentDirectory>();
        services.AddSingleton<AgentRegistry>();
        services.AddSingleton<SeedRunner>();

        // Ledger, reports, events, reallocation.
        services.AddSingleton<LedgerWriter>();
        services.AddSingleton<LedgerReader>();
        services.AddSingleton<UsageReporter>();
        services.AddSingleton<EventHub>();
        services.AddSingleton<EventFeed>();
        services.AddSingleton<DemandReader>();
        services.AddSingleton<ReallocationStore>();
        services.AddSingleton<ReallocationRunner>();

        // Background work, in start order (migrations first: registered above).
        services.AddSingleton<RegistrySyncService>();
        services.AddSingleton<LedgerConsumer>();
        services.AddHostedService(provider => provider.GetRequiredService<RegistrySyncService>());
        services.AddHostedService(provider => provider.GetRequiredService<LedgerConsumer>());
        services.AddHostedService(provider => provider.GetRequiredService<EventHub>());
        services.AddHostedService<ReservationSweepService>();
        services.AddHostedService<MetricsEventForwarder>();
        services.AddHostedService<ReallocationScheduler>();

        services.AddHealthChecks().AddCheck<RegistryReadyHealthCheck>("budget-registry");
        return services;
    }
}
