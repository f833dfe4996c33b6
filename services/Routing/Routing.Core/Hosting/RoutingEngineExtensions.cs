using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.Postgres.Migrations;
using Platform.Postgres.Resilience;
using Platform.Routing.Budgeting;
using Platform.Routing.Catalog;
using Platform.Routing.Completions;
using Platform.Routing.Concurrency;
using Platform.Routing.Dedup;
using Platform.Routing.Health;
using Platform.Routing.Limits;
using Platform.Routing.Resilience;
using Platform.Routing.Selection;
using Platform.Routing.Telemetry;
using Platform.Routing.Upstream;

namespace Platform.Routing.Hosting;

public static class RoutingEngineExtensions
{
    /// <summary>
    /// The gateway engine. The host adds the ports: <see cref="IAgentDirectory"/>, <see cref="ITierPolicySource"/>,
    /// <see cref="IBudgetService"/> and <see cref="Events.ICallEventSink"/>. With <paramref name="withDatabase"/>, the
    /// catalog is also stored in PostgreSQL (schema <c>routing</c>, migrated at start-up) and editable.
    /// </summary>
    public static IServiceCollection AddRoutingEngine(
        this IServiceCollection services, IConfiguration configuration, Func<string, string?> serviceUrl, bool withDatabase)
    {
        var options = configuration.GetSection(RoutingOptions.Section).Get<RoutingOptions>() ?? new RoutingOptions();
        services.AddSingleton(options);
        services.AddSingleton(options.Limits);
        services.AddSingleton(options.Breaker);
        services.AddSingleton(options.Health);
        services.AddSingleton(options.AdaptiveConcurrency);
        services.AddSingleton(options.Retry);
        services.AddSingleton(options.Dedup);
        services.AddSingleton(new SelectionOptions
        {
            DefaultStrategy = options.DefaultStrategy,
            FallbackChains = options.FallbackChains,
            ExtendChainsWithEligible = options.ExtendChainsWithEligible,
            MaxChainLength = Math.Max(1, options.MaxChainLength),
        });
        services.AddSingleton(TimeProvider.System);

        services.AddSingleton(new ModelCatalog(ModelConfigurationReader.Read(options.Models, serviceUrl)));
        services.AddSingleton<SecretResolver>();
        if (withDatabase)
        {
            services.AddPostgresMigrations("routing", typeof(RoutingEngineExtensions).Assembly);
            services.AddSingleton(provider => new CatalogStore(provider.GetRequiredService<NpgsqlDataSource>(), provider.GetRequiredService<IPostgresResilience>()));
            services.AddSingleton(provider => new CatalogRefresher(provider.GetRequiredService<ModelCatalog>(), provider.GetRequiredService<CatalogStore>(),
                options.CatalogRefreshInterval, provider.GetRequiredService<ILogger<CatalogRefresher>>()));
            services.AddHostedService(provider => provider.GetRequiredService<CatalogRefresher>());
            services.AddSingleton(provider => new CatalogAdmin(provider.GetRequiredService<ModelCatalog>(), provider.GetRequiredService<CatalogStore>(), provider.GetRequiredService<CatalogRefresher>()));
        }
        else
        {
            services.AddSingleton(provider => new CatalogAdmin(provider.GetRequiredService<ModelCatalog>(), null, null));
        }

        services.AddSingleton(_ => new UpstreamClientHolder(UpstreamHttp.CreateClient(options.MaxConnectionsPerProvider)));
        services.AddSingleton(provider => new UpstreamClient(provider.GetRequiredService<UpstreamClientHolder>().Client,
            provider.GetRequiredService<SecretResolver>(), provider.GetRequiredService<TimeProvider>()));

        services.AddSingleton<ModelHealthBoard>();
        services.AddSingleton<SharedLimits>();
        services.AddSingleton<HealthMonitor>();
        services.AddHostedService(provider => provider.GetRequiredService<HealthMonitor>());
        services.AddSingleton<AdaptiveLimiterRegistry>();
        services.AddSingleton<ModelHealthQuery>();

        services.AddSingleton<IRoutingStrategy, RoundRobinStrategy>();
        services.AddSingleton<IRoutingStrategy, WeightedStrategy>();
        services.AddSingleton<IRoutingStrategy, LeastLatencyStrategy>();
        services.AddSingleton<IRoutingStrategy, LeastBusyStrategy>();
        services.AddSingleton<IRoutingStrategy, CostStrategy>();
        services.AddSingleton<IRoutingStrategy, PolicyStrategy>();
        services.AddSingleton<CandidateFilter>();
        services.AddSingleton<Router>();

        services.AddSingleton<RetryBudget>();
        services.AddSingleton<Backoff>();
        services.AddSingleton<BudgetPressure>();
        services.AddSingleton<SettlementQueue>();
        services.AddHostedService(provider => provider.GetRequiredService<SettlementQueue>());
        services.AddSingleton<RoutingInstruments>();
        services.AddSingleton<AttemptSettler>();
        services.AddSingleton<AttemptLoop>();
        services.AddSingleton<CallPlanner>();
        services.AddSingleton<IdempotencyStore>();
        services.AddSingleton<ResponseCache>();
        services.AddSingleton<CallReporter>();
        services.AddSingleton<CompletionService>();
        return services;
    }

    /// <summary>Owns the upstream HttpClient so the container disposes it at shutdown.</summary>
    internal sealed class UpstreamClientHolder(HttpClient client) : IDisposable
    {
        public HttpClient Client { get; } = client;

        public void Dispose() => Client.Dispose();
    }
}
