using Platform.Hosting.ApplicationModel;

namespace Platform.Hosting;

public static class ResourceEndpoints
{
    public static IEnumerable<EndpointAnnotation> GetEndpoints(this IResource resource) =>
        resource.Annotations.OfType<EndpointAnnotation>();

    public static EndpointAnnotation? FindEndpoint(this IResource resource, string name) =>
        resource.GetEndpoints().FirstOrDefault(e => e.Name == name);

    /// <summary>A reference to one endpoint, for <c>WithEnvironment(name, expression)</c>.</summary>
    public static EndpointReference GetEndpoint<T>(this IResourceBuilder<T> builder, string name)
        where T : IResourceWithEndpoints =>
        builder.Resource.FindEndpoint(name) is null
            ? throw new InvalidOperationException($"Resource '{builder.Resource.Name}' has no endpoint '{name}'.")
            : new EndpointReference(builder.Resource, name);
}
