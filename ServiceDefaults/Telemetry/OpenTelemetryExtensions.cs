using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Platform.ServiceDefaults.Telemetry;

internal static class OpenTelemetryExtensions
{
    /// <summary>
    /// Exports traces, metrics and logs over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, as
    /// Aspire's dashboard and collectors expect. Without it nothing is exported and no SDK is built,
    /// so activity sources stay unsampled and cost nothing.
    /// </summary>
    public static void AddOtlpTelemetry(this IHostApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            return;

        var serviceName = builder.Configuration["OTEL_SERVICE_NAME"] ?? builder.Environment.ApplicationName;
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
            logging.SetResourceBuilder(ResourceBuilder.CreateDefault().AddService(serviceName));
            logging.AddOtlpExporter();
        });

        builder.Services.AddSingleton(_ => OpenTelemetrySdk.Create(otel => otel
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing => tracing.AddSource(TelemetrySources.ActivitySources))
            .WithMetrics(metrics => metrics.AddMeter(TelemetrySources.Meters))
            .UseOtlpExporter()));
        builder.Services.AddHostedService<OpenTelemetrySdkLifetime>();
    }
}

/// <summary>Builds the SDK at start-up (so listening starts before traffic) and flushes it at shutdown.</summary>
internal sealed class OpenTelemetrySdkLifetime(OpenTelemetrySdk sdk) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        sdk.TracerProvider.ForceFlush(2_000);
        sdk.MeterProvider.ForceFlush(2_000);
        return Task.CompletedTask;
    }
}
