using Microsoft.AspNetCore.Builder;

namespace Platform.LlmSimulator.Hosting;

/// <summary>Builds the simulator's web application; used by Program and by tests that host it in-process on a real port.</summary>
public static class SimulatorApplication
{
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = args,
            // appsettings.json ships next to the binary, so it is found whatever the working directory.
            ContentRootPath = AppContext.BaseDirectory,
        });
        configure?.Invoke(builder);
        builder.AddLlmSimulator();
        var app = builder.Build();
        app.MapLlmSimulator();
        return app;
    }
}
