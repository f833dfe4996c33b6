using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Prometheus;

namespace Microsoft.Extensions.DependencyInjection;

public static class PrometheusServiceCollectionExtensions
{
    /// <summary>
    /// Registers the <see cref="PrometheusExporter"/>; it starts listening when the host starts (or
    /// when the scraping endpoint is mapped, whichever is first), so early measurements are kept.
    /// </summary>
    public static IServiceCollection AddPrometheusExporter(this IServiceCollection services, Action<PrometheusExporterOptions>? configure = null)
    {
        var options = services.AddOptions<PrometheusExporterOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(provider => new PrometheusExporter(
            provider.GetRequiredService<IOptions<PrometheusExporterOptions>>().Value,
            provider.GetService<ILogger<PrometheusExporter>>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, PrometheusExporterStarter>());
        return services;
    }

    private sealed class PrometheusExporterStarter(PrometheusExporter exporter) : IHostedService
    {
        // Resolving the exporter (constructor injection) is what starts it; nothing else to do.
        private readonly PrometheusExporter _exporter = exporter;

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
