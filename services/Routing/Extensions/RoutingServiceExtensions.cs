using Platform.Routing.V1;

namespace Microsoft.Extensions.Hosting;

/// <summary>The Routing service's own wiring, on top of ServiceDefaults.</summary>
public static class RoutingServiceExtensions
{
    public static IHostApplicationBuilder AddRoutingService(this IHostApplicationBuilder builder)
    {
        builder.AddGrpcHealthServiceName(RoutingService.Descriptor.FullName);
        return builder;
    }
}
