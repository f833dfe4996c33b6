using Platform.Metrics.V1;

namespace Microsoft.Extensions.Hosting;

/// <summary>The Metrics service's own wiring, on top of ServiceDefaults.</summary>
public static class MetricsServiceExtensions
{
    public static IHostApplicationBuilder AddMetricsService(this IHostApplicationBuilder builder)
    {
        builder.AddGrpcHealthServiceName(MetricsService.Descriptor.FullName);
        return builder;
    }
}
