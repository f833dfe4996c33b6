using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Platform.Agents.Budgeting;
using Platform.Agents.Contexts;
using Platform.Agents.Events;
using Platform.Agents.Loop;
using Platform.Agents.Persistence;
using Platform.Agents.Queue;
using Platform.Agents.Tasks;
using Platform.Agents.Telemetry;
using Platform.Agents.Types;
using Platform.Postgres.Migrations;

namespace Platform.Agents.Hosting;

/// <summary>
/// The agents engine's services. Expects an <c>IRedisDatabase</c>, an <c>NpgsqlDataSource</c> with
/// <c>IPostgresResilience</c> (ServiceDefaults registers them from the <c>cache</c> and <c>platformdb</c>
/// connection strings) and the ports to other services: <see cref="IStepModel"/>, <see cref="IAgentDirectory"/>,
/// <see cref="IBudgetCarver"/> and optionally <see cref="IAgentBudgetView"/>.
/// </summary>
public static class AgentsEngineServiceCollectionExtensions
{
    public const string Schema = "agents";

    public static IServiceCollection AddAgentsEngine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPostgresMigrations(Schema, typeof(TaskStore).Assembly, "Persistence/Migrations");
        services.Configure<LoopOptions>(configuration.GetSection(LoopOptions.SectionName));
        services.Configure<TaskQueueOptions>(configuration.GetSection(TaskQueueOptions.SectionName));
        services.Configure<SharedContextOptions>(configuration.GetSection(SharedContextOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<AgentsInstruments>();
        services.AddSingleton<TaskStore>();
        services.AddSingleton<TaskQueryStore>();
        services.AddSingleton<TaskEventStore>();
        services.AddSingleton<TaskLeaseStore>();
        services.AddSingleton<TaskJournalStore>();
        services.AddSingleton<AgentTypeStore>();
        services.AddSingleton<AgentTypeCatalog>();
        services.AddSingleton<SharedContextStore>();
        services.AddSingleton<TaskEventHub>();
        services.AddSingleton<TaskEventWatcher>();

        services.AddSingleton(provider => provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<LoopOptions>>().Value);
        services.AddSingleton<StepCaller>();
        services.AddSingleton(provider => new BudgetWarnings(
            provider.GetRequiredService<LoopOptions>(), provider.GetService<IAgentBudgetView>()));
        services.AddSingleton<AgentLoop>();
        services.AddSingleton<TaskBudgetCarve>();

        services.AddSingleton<WorkerIdentity>();
        services.AddSingleton<TaskQueue>();
        services.AddSingleton<QueueBackpressure>();
        services.AddSingleton<QueueWakeup>();
        services.AddSingleton<RunningTasks>();
        services.AddSingleton<TaskExecution>();
        services.AddSingleton<TaskRunner>();

        services.AddSingleton<TaskSubmitter>();
        services.AddSingleton<TaskQueries>();
        services.AddSingleton<TaskCanceller>();
        return services;
    }

    /// <summary>The workers: queue consumer, lease heartbeat, and reclaim of dead replicas' tasks.</summary>
    public static IServiceCollection AddAgentsWorkers(this IServiceCollection services)
    {
        services.AddSingleton<IHostedService, TaskDispatcher>();
        services.AddSingleton<IHostedService, LeaseKeeper>();
        services.AddSingleton<IHostedService, TaskReclaimer>();
        return services;
    }
}
