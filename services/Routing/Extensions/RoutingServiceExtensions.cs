using Platform.Budget.V1;
using Platform.Routing.Budget;
using Platform.Routing.Budgeting;
using Platform.Routing.Events;
using Platform.Routing.FrontDoor;
using Platform.Routing.Grpc;
using Platform.Routing.Hosting;
using Platform.Routing.Resilience;
using Platform.Routing.V1;
using Platform.ServiceDefaults.Discovery;

namespace Microsoft.Extensions.Hosting;

/// <summary>The Routing service's own wiring, on top of ServiceDefaults.</summary>
public static class RoutingServiceExtensions
{
    public static IHostApplicationBuilder AddRoutingService(this IHostApplicationBuilder builder)
    {
        builder.AddGrpcHealthServiceName(RoutingService.Descriptor.FullName);
        var configuration = builder.Configuration;
        var withDatabase = !string.IsNullOrWhiteSpace(configuration.GetConnectionString("platformdb"));
        builder.Services.AddRoutingEngine(configuration, service => ServiceUrl(configuration, service), withDatabase);

        // The budget service: every completion reserves and settles there; agents and tier policies come from it.
        builder.Services.AddGrpcClient<BudgetService.BudgetServiceClient>("budget", options =>
        {
            options.IdempotentMethods.Add("Reserve");
            options.IdempotentMethods.Add("Commit");
            options.IdempotentMethods.Add("Release");
        });
        builder.Services.AddSingleton<IBudgetService, GrpcBudgetService>();
        builder.Services.AddSingleton<IAgentDirectory, BudgetAgentDirectory>();
        builder.Services.AddSingleton<FleetTierPolicies>();
        builder.Services.AddSingleton<ITierPolicySource>(provider => provider.GetRequiredService<FleetTierPolicies>());
        builder.Services.AddHostedService(provider => provider.GetRequiredService<FleetTierPolicies>());

        // Every call's outcome goes to the metrics stream.
        builder.Services.AddSingleton<RedisCallEventPublisher>();
        builder.Services.AddSingleton<ICallEventSink>(provider => provider.GetRequiredService<RedisCallEventPublisher>());
        builder.Services.AddHostedService(provider => provider.GetRequiredService<RedisCallEventPublisher>());

        // The OpenAI-compatible front door.
        var frontDoor = configuration.GetSection(FrontDoorOptions.Section).Get<FrontDoorOptions>() ?? new FrontDoorOptions();
        builder.Services.AddSingleton(frontDoor);
        builder.Services.AddSingleton<CallerIdentity>();
        builder.Services.AddSingleton<ChatCompletionsEndpoint>();
        builder.Services.AddSingleton<ModelsEndpoint>();
        return builder;
    }

    public static WebApplication MapRoutingService(this WebApplication app)
    {
        app.MapGrpcService<RoutingApi>();
        app.MapOpenAiFrontDoor();
        return app;
    }

    /// <summary>A service's <c>http</c> endpoint (for <c>{llm-sim}</c> in model base URLs), or null when not configured.</summary>
    private static string? ServiceUrl(IConfiguration configuration, string service)
    {
        try
        {
            return ServiceEndpoints.Resolve(configuration, service, "http")[0].ToString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
