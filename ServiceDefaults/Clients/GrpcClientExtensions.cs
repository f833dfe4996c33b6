using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.ServiceDefaults.Discovery;

namespace Microsoft.Extensions.DependencyInjection;

public static class GrpcClientExtensions
{
    /// <summary>
    /// Registers a generated gRPC client (for example <c>BudgetService.BudgetServiceClient</c>) for the
    /// service called <paramref name="serviceName"/>: its replicas come from <c>services__{name}__grpc__N</c>,
    /// calls are spread over them, and safe calls are retried on <c>UNAVAILABLE</c>.
    /// </summary>
    public static IServiceCollection AddGrpcClient<TClient>(
        this IServiceCollection services, string serviceName, Action<Platform.ServiceDefaults.Clients.GrpcClientOptions>? configure = null)
        where TClient : ClientBase<TClient>
    {
        services.AddSingleton(provider =>
        {
            var options = new Platform.ServiceDefaults.Clients.GrpcClientOptions();
            configure?.Invoke(options);
            var configuration = provider.GetRequiredService<IConfiguration>();
            var endpoints = ServiceEndpoints.Resolve(configuration, serviceName, options.EndpointName);
            var channels = provider.GetRequiredService<Platform.ServiceDefaults.Clients.GrpcChannelRegistry>();
            var invoker = channels.CreateInvoker(endpoints, options);
            return (TClient)Activator.CreateInstance(typeof(TClient), invoker)!;
        });
        services.AddSingleton<Platform.ServiceDefaults.Clients.GrpcChannelRegistry>();
        return services;
    }
}
