using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Platform.Metrics.Tests.Infrastructure;

/// <summary>
/// The metrics engine in-process, wired as the service wires it (Redis client, data source, migrations,
/// consumers) but without the web endpoints, against real Redis and PostgreSQL.
/// </summary>
public sealed class EngineHost : IAsyncDisposable
{
    private readonly IHost _host;

    private EngineHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    public static async Task<EngineHost> StartAsync(string redis, string postgres, IDictionary<string, string?>? settings = null,
        bool ingest = true)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:cache"] = redis,
            ["ConnectionStrings:platformdb"] = postgres,
        });
        if (settings is not null)
            builder.Configuration.AddInMemoryCollection(settings);

        builder.AddRedisClient("cache");
        builder.AddNpgsqlDataSource("platformdb");
        builder.Services.AddMetrics();
        builder.Services.AddMetricsStorage(builder.Configuration);
        if (ingest)
            builder.Services.AddMetricsIngestion(builder.Configuration);

        var host = builder.Build();
        await host.StartAsync();
        return new EngineHost(host);
    }

    public async ValueTask DisposeAsync()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _host.StopAsync(deadline.Token);
        _host.Dispose();
    }
}
