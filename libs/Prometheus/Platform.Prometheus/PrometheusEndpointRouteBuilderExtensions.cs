using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Platform.Prometheus;

// OpenTelemetry.Exporter.Prometheus.AspNetCore puts its MapPrometheusScrapingEndpoint here too.
namespace Microsoft.AspNetCore.Builder;

public static class PrometheusEndpointRouteBuilderExtensions
{
    /// <summary>Serves the Prometheus text exposition (format 0.0.4) on GET <paramref name="path"/>.</summary>
    public static IEndpointConventionBuilder MapPrometheusScrapingEndpoint(this IEndpointRouteBuilder endpoints, string path = "/metrics")
    {
        var exporter = endpoints.ServiceProvider.GetService<PrometheusExporter>()
            ?? throw new InvalidOperationException(
                "MapPrometheusScrapingEndpoint needs the exporter: call services.AddPrometheusExporter() first.");

        return endpoints.MapGet(path, async context =>
        {
            var text = exporter.Scrape();
            context.Response.ContentType = PrometheusExporter.ContentType;
            context.Response.Headers.CacheControl = "no-store";
            await context.Response.WriteAsync(text, context.RequestAborted);
        });
    }
}
