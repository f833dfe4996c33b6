using Platform.Metrics;
using Platform.Metrics.Dashboard;
using Platform.Metrics.Grpc;
using Platform.Metrics.V1;

namespace Microsoft.Extensions.Hosting;

/// <summary>The Metrics service's own wiring, on top of ServiceDefaults (which registers Redis, PostgreSQL and gRPC).</summary>
public static class MetricsServiceExtensions
{
    public static IHostApplicationBuilder AddMetricsService(this IHostApplicationBuilder builder)
    {
        builder.Services.AddMetricsStorage(builder.Configuration);
        builder.Services.AddMetricsIngestion(builder.Configuration);
        builder.Services.AddMetricsAlerts(builder.Configuration);
        builder.Services.AddDashboard();
        builder.Services.AddGrpc().AddServiceOptions<MetricsApi>(options => options.Interceptors.Add<MetricsErrorInterceptor>());
        builder.AddGrpcHealthServiceName(MetricsService.Descriptor.FullName);
        return builder;
    }
}
