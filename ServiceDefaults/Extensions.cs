using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Platform.ServiceDefaults.Interceptors;
using Platform.ServiceDefaults.Health;
using Platform.ServiceDefaults.Hosting;
using Platform.ServiceDefaults.Telemetry;

namespace Microsoft.Extensions.Hosting;

/// <summary>What every platform service gets from one call: the table of contents of ServiceDefaults.</summary>
public static class ServiceDefaultsExtensions
{
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)
    {
        KestrelEndpoints.ApplyProtocolConventions(builder.Configuration);
        builder.AddStructuredLogging();
        builder.AddOtlpTelemetry();
        builder.Services.AddPrometheusExporter();
        builder.AddDefaultHealthChecks();
        builder.AddPlatformStores();
        builder.Services.AddGrpc(options => options.Interceptors.Add<UnimplementedDetailInterceptor>());
        builder.Services.AddSingleton<GrpcHealthService>();
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(30));
        return builder;
    }

    /// <summary>Registers a gRPC service name that <c>grpc.health.v1.Health</c> reports on.</summary>
    public static IHostApplicationBuilder AddGrpcHealthServiceName(this IHostApplicationBuilder builder, string serviceName)
    {
        builder.Services.Configure<GrpcHealthOptions>(options => options.ServiceNames.Add(serviceName));
        return builder;
    }

    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthEndpoints();
        app.MapPrometheusScrapingEndpoint("/metrics");
        app.MapGrpcService<GrpcHealthService>();
        return app;
    }

    private static void AddStructuredLogging(this IHostApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(options =>
        {
            options.IncludeScopes = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            options.UseUtcTimestamp = true;
        });
        // Npgsql logs every command at Information; that is a trace, not a log.
        builder.Logging.AddFilter("Npgsql", LogLevel.Warning);
    }

    private static void AddDefaultHealthChecks(this IHostApplicationBuilder builder) =>
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [HealthTags.Live]);

    /// <summary>Redis and PostgreSQL, each when its connection string is configured (a service that needs one fails clearly without it).</summary>
    private static void AddPlatformStores(this IHostApplicationBuilder builder)
    {
        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("cache")))
            builder.AddRedisClient("cache");
        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("platformdb")))
            builder.AddNpgsqlDataSource("platformdb");
    }
}
