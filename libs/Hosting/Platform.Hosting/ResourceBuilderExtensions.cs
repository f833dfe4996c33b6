using Platform.Hosting.ApplicationModel;

namespace Platform.Hosting;

public static class ResourceBuilderExtensions
{
    /// <summary>Injects <c>ConnectionStrings__{name}</c> (the source's name unless <paramref name="connectionName"/> is given).</summary>
    public static IResourceBuilder<T> WithReference<T>(
        this IResourceBuilder<T> builder, IResourceBuilder<IResourceWithConnectionString> source, string? connectionName = null)
        where T : IResourceWithEnvironment =>
        builder.WithAnnotation(new ConnectionStringReferenceAnnotation(source.Resource, connectionName ?? source.Resource.Name));

    /// <summary>Injects <c>services__{source}__{endpoint}__{i}</c> for every endpoint and replica of the source.</summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResourceWithServiceDiscovery> source)
        where T : IResourceWithEnvironment =>
        builder.WithAnnotation(new ServiceReferenceAnnotation(source.Resource));

    /// <summary>Starts the resource only once <paramref name="dependency"/> is healthy (every replica of a project).</summary>
    public static IResourceBuilder<T> WaitFor<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> dependency)
        where T : IResourceWithWaitSupport =>
        builder.WithAnnotation(new WaitAnnotation(dependency.Resource));

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, string value)
        where T : IResourceWithEnvironment =>
        builder.WithEnvironment(name, ReferenceExpression.Literal(value));

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, IResourceBuilder<ParameterResource> parameter)
        where T : IResourceWithEnvironment =>
        builder.WithEnvironment(name, ReferenceExpression.Of(new ParameterReference(parameter.Resource)));

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, EndpointReference endpoint)
        where T : IResourceWithEnvironment =>
        builder.WithEnvironment(name, ReferenceExpression.Of(endpoint));

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, ReferenceExpression value)
        where T : IResourceWithEnvironment
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return builder.WithAnnotation(new EnvironmentAnnotation(name, value));
    }

    /// <summary>A plain HTTP/1.1 endpoint; <paramref name="port"/> pins the local port.</summary>
    public static IResourceBuilder<T> WithHttpEndpoint<T>(this IResourceBuilder<T> builder, int? port = null, int? targetPort = null, string name = "http")
        where T : IResourceWithEndpoints =>
        builder.WithEndpoint(name, e =>
        {
            e.Port = port;
            e.TargetPort = targetPort ?? e.TargetPort;
        });

    /// <summary>Changes an endpoint, creating it (scheme http, transport http) when it does not exist.</summary>
    public static IResourceBuilder<T> WithEndpoint<T>(this IResourceBuilder<T> builder, string name, Action<EndpointAnnotation> configure)
        where T : IResourceWithEndpoints
    {
        var endpoint = builder.Resource.FindEndpoint(name);
        if (endpoint is null)
        {
            endpoint = new EndpointAnnotation(name, "http", "http");
            builder.Resource.Annotations.Add(endpoint);
        }

        configure(endpoint);
        return builder;
    }
}
