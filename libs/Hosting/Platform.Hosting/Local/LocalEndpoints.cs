using Platform.Hosting.ApplicationModel;

namespace Platform.Hosting.Local;

/// <summary>The port of every endpoint of every replica. Nothing proxies locally, so a port is both the target and the published port.</summary>
internal sealed class LocalEndpoints
{
    public const string Host = "127.0.0.1";

    private readonly Dictionary<(IResource Resource, string Endpoint, int Replica), int> _ports = [];

    public static LocalEndpoints Allocate(DistributedApplicationModel model, PortAllocator allocator)
    {
        var endpoints = new LocalEndpoints();
        foreach (var resource in model.Resources)
        {
            var replicas = resource is ProjectResource project ? project.Replicas : 1;
            for (var replica = 0; replica < replicas; replica++)
            {
                foreach (var endpoint in resource.GetEndpoints())
                {
                    endpoints._ports[(resource, endpoint.Name, replica)] = allocator.Allocate(resource, endpoint);
                }
            }
        }

        return endpoints;
    }

    public int PortOf(IResource resource, string endpoint, int replica = 0) =>
        _ports.TryGetValue((resource, endpoint, replica), out var port)
            ? port
            : throw new DistributedApplicationException($"Resource '{resource.Name}' has no endpoint '{endpoint}' (replica {replica}).");

    public Uri UrlOf(IResource resource, string endpoint, int replica = 0) =>
        new($"{SchemeOf(resource, endpoint)}://{Host}:{PortOf(resource, endpoint, replica)}");

    public IReadOnlyDictionary<string, Uri> UrlsOf(IResource resource, int replica) =>
        resource.GetEndpoints().ToDictionary(e => e.Name, e => UrlOf(resource, e.Name, replica));

    public string Resolve(EndpointReference reference)
    {
        var replica = reference.Replica ?? 0;
        return reference.Property switch
        {
            EndpointProperty.Url => $"{SchemeOf(reference.Resource, reference.EndpointName)}://{Host}:{PortOf(reference.Resource, reference.EndpointName, replica)}",
            EndpointProperty.Scheme => SchemeOf(reference.Resource, reference.EndpointName),
            EndpointProperty.Host => Host,
            EndpointProperty.Port or EndpointProperty.TargetPort => PortOf(reference.Resource, reference.EndpointName, replica).ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => throw new ArgumentOutOfRangeException(nameof(reference)),
        };
    }

    private static string SchemeOf(IResource resource, string endpoint) =>
        resource.FindEndpoint(endpoint)?.Scheme ?? throw new DistributedApplicationException($"Resource '{resource.Name}' has no endpoint '{endpoint}'.");
}
