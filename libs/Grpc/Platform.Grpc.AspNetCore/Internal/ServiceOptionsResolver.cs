using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grpc.AspNetCore.Server.Internal;

/// <summary>Merges the app-wide options with a service's own (AddServiceOptions) into what its handlers use.</summary>
internal static class ServiceOptionsResolver
{
    public static ServerMethodOptions Resolve<TService>(IServiceProvider services)
        where TService : class
    {
        var global = services.GetRequiredService<IOptions<GrpcServiceOptions>>().Value;
        var merged = new GrpcServiceOptions<TService>
        {
            MaxReceiveMessageSize = global.MaxReceiveMessageSize,
            MaxSendMessageSize = global.MaxSendMessageSize,
            EnableDetailedErrors = global.EnableDetailedErrors,
            IgnoreUnknownServices = global.IgnoreUnknownServices,
        };
        merged.Interceptors.AddRange(global.Interceptors);
        foreach (var configure in services.GetServices<IConfigureOptions<GrpcServiceOptions<TService>>>())
        {
            configure.Configure(merged);
        }

        var interceptors = new InterceptorActivator[merged.Interceptors.Count];
        for (var i = 0; i < interceptors.Length; i++)
        {
            interceptors[i] = new InterceptorActivator(merged.Interceptors[i], services);
        }

        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Grpc.AspNetCore.Server.ServerCallHandler");
        return new ServerMethodOptions(
            merged.MaxReceiveMessageSize,
            merged.MaxSendMessageSize,
            merged.EnableDetailedErrors,
            interceptors,
            logger);
    }
}
