using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Routing.Budgeting;
using Platform.Routing.Events;
using Platform.Routing.Health;
using Platform.Routing.V1;
using Platform.Testing;

namespace Platform.Routing.Tests.Infrastructure;

/// <summary>
/// One routing replica hosted in the test process exactly as Program.cs builds it (ServiceDefaults + the
/// routing wiring), on free loopback ports, configured only by the given settings (no appsettings.json).
/// </summary>
public sealed class RoutingReplica : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly GrpcChannel _channel;

    private RoutingReplica(WebApplication app, Uri grpc, Uri http)
    {
        _app = app;
        GrpcEndpoint = grpc;
        HttpEndpoint = http;
        _channel = GrpcChannel.ForAddress(grpc);
        Client = new RoutingService.RoutingServiceClient(_channel);
    }

    public Uri GrpcEndpoint { get; }
    public Uri HttpEndpoint { get; }
    public RoutingService.RoutingServiceClient Client { get; }
    public IServiceProvider Services => _app.Services;

    public static async Task<RoutingReplica> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        for (var attempt = 0; ; attempt++)
        {
            var grpc = new Uri($"http://127.0.0.1:{FreePort.Next()}");
            var http = new Uri($"http://127.0.0.1:{FreePort.Next()}");
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
            foreach (var json in builder.Configuration.Sources.OfType<JsonConfigurationSource>().ToList())
                builder.Configuration.Sources.Remove(json);
            var values = new Dictionary<string, string?>
            {
                ["Kestrel:Endpoints:grpc:Url"] = grpc.ToString(),
                ["Kestrel:Endpoints:http:Url"] = http.ToString(),
                ["Logging:LogLevel:Default"] = "Warning",
                ["Logging:LogLevel:Platform.Routing"] = "Warning",
            };
            foreach (var (key, value) in settings)
                values[key] = value;
            builder.Configuration.AddInMemoryCollection(values);
            builder.AddServiceDefaults();
            builder.AddRoutingService();
            var app = builder.Build();
            app.MapDefaultEndpoints();
            app.MapRoutingService();
            try
            {
                await app.StartAsync();
                return new RoutingReplica(app, grpc, http);
            }
            catch (IOException) when (attempt < 3)
            {
                await app.DisposeAsync();
            }
        }
    }

    /// <summary>Waits until budget settlements and call events queued so far have been delivered.</summary>
    public async Task FlushAsync()
    {
        await Services.GetRequiredService<SettlementQueue>().DrainAsync(TimeSpan.FromSeconds(30));
        await Services.GetRequiredService<RedisCallEventPublisher>().FlushAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Re-reads every model's shared state now instead of waiting for the next second.</summary>
    public Task RefreshHealthAsync() => Services.GetRequiredService<HealthMonitor>().RefreshAsync(CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
