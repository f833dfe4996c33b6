using System.Diagnostics.CodeAnalysis;
using Grpc.AspNetCore.Server;
using Grpc.AspNetCore.Server.Internal;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Exposes a gRPC service implementation at POST /{package.Service}/{Method} for each of its methods.</summary>
public static class GrpcEndpointRouteBuilderExtensions
{
    public static GrpcServiceEndpointConventionBuilder MapGrpcService<
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] TService>(this IEndpointRouteBuilder builder)
        where TService : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.ServiceProvider;
        if (services.GetService<GrpcMarkerService>() is null)
        {
            throw new InvalidOperationException(
                "Unable to find the required gRPC services. Add them by calling 'IServiceCollection.AddGrpc' in the application's service configuration.");
        }

        var options = ServiceOptionsResolver.Resolve<TService>(services);
        var binder = new ServiceMethodBinder<TService>(new ServiceActivator<TService>(services), options);
        ServiceMethodLookup.BindService<TService>(binder);

        var registry = services.GetRequiredService<GrpcServiceRegistry>();
        var methodEndpoints = new List<IEndpointConventionBuilder>(binder.Methods.Count);
        foreach (var (method, handler) in binder.Methods)
        {
            registry.AddService(method.ServiceName);
            var endpoint = builder.Map(method.FullName, (RequestDelegate)handler.HandleCallAsync)
                .WithMetadata(new HttpMethodMetadata(["POST"]), method)
                .WithDisplayName("gRPC - " + method.FullName);
            methodEndpoints.Add(endpoint);
        }

        var globalOptions = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<GrpcServiceOptions>>().Value;
        if (!globalOptions.IgnoreUnknownServices)
        {
            UnimplementedEndpoints.MapOnce(builder, registry);
        }

        return new GrpcServiceEndpointConventionBuilder(methodEndpoints);
    }
}
