using Platform.Agents.Budgeting;
using Platform.Agents.Clients;
using Platform.Agents.Grpc;
using Platform.Agents.Hosting;
using Platform.Agents.Loop;
using Platform.Agents.Tasks;
using Platform.Agents.V1;
using Platform.Budget.V1;
using Platform.Routing.V1;

namespace Microsoft.Extensions.Hosting;

/// <summary>The Agents service's own wiring, on top of ServiceDefaults.</summary>
public static class AgentsServiceExtensions
{
    public static IHostApplicationBuilder AddAgentsService(this IHostApplicationBuilder builder)
    {
        builder.AddGrpcHealthServiceName(AgentService.Descriptor.FullName);
        builder.Services.AddGrpc().AddServiceOptions<AgentsApi>(options => options.Interceptors.Add<AgentsErrorInterceptor>());

        // Steps go through routing; agents, carve-outs and warnings come from the budget service. Calls that
        // carry an idempotency key are safe to repeat on another replica when one is unavailable.
        builder.Services.AddGrpcClient<RoutingService.RoutingServiceClient>("routing", options => options.IdempotentMethods.Add("Complete"));
        builder.Services.AddGrpcClient<BudgetService.BudgetServiceClient>("budget", options =>
        {
            options.IdempotentMethods.Add("Reserve");
            options.IdempotentMethods.Add("Release");
        });
        builder.Services.AddSingleton<IStepModel, RoutingStepModel>();
        builder.Services.AddSingleton<IAgentDirectory, BudgetAgentDirectory>();
        builder.Services.AddSingleton<IBudgetCarver, BudgetCarver>();
        builder.Services.AddSingleton<IAgentBudgetView, BudgetUsageView>();

        builder.Services.AddAgentsEngine(builder.Configuration);
        builder.Services.AddAgentsWorkers();
        return builder;
    }
}
