namespace Grpc.AspNetCore.Server.Internal;

/// <summary>The service names mapped in this app, so an unknown call can say "service" or "method" is unimplemented.</summary>
internal sealed class GrpcServiceRegistry
{
    private readonly HashSet<string> _serviceNames = new(StringComparer.Ordinal);

    public bool UnimplementedEndpointsMapped { get; set; }

    public void AddService(string serviceName)
    {
        lock (_serviceNames)
        {
            _serviceNames.Add(serviceName);
        }
    }

    public bool ContainsService(string serviceName)
    {
        lock (_serviceNames)
        {
            return _serviceNames.Contains(serviceName);
        }
    }
}
