using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Platform.LlmSimulator.Completions;
using Platform.LlmSimulator.Configuration;
using Platform.LlmSimulator.Control;
using Platform.LlmSimulator.Endpoints;
using Platform.LlmSimulator.Models;
using Platform.LlmSimulator.Stats;

namespace Platform.LlmSimulator.Hosting;

public static class SimulatorServiceExtensions
{
    public static WebApplicationBuilder AddLlmSimulator(this WebApplicationBuilder builder)
    {
        ListenAddress.ApplyDefault(builder);
        builder.Services.Configure<SimulatorOptions>(builder.Configuration.GetSection(SimulatorOptions.SectionName));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ModelCatalog>();
        builder.Services.AddSingleton<RejectionCounters>();
        builder.Services.AddSingleton<SimulatorControl>();
        builder.Services.AddSingleton<ChatCompletionsEndpoint>();
        return builder;
    }

    public static WebApplication MapLlmSimulator(this WebApplication app)
    {
        // Resolved now so that invalid model configuration stops start-up instead of the first request.
        var completions = app.Services.GetRequiredService<ChatCompletionsEndpoint>();
        app.MapPost("/v1/chat/completions", completions.HandleAsync);
        app.MapModelsEndpoints();
        app.MapControlEndpoints();
        app.MapHealthEndpoints();
        return app;
    }
}
