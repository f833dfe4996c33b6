using Microsoft.Extensions.Configuration;

namespace Platform.ServiceDefaults.Hosting;

/// <summary>
/// Every service listens on two named endpoints: <c>grpc</c> (HTTP/2 cleartext with prior knowledge,
/// as gRPC clients inside a cluster connect) and <c>http</c> (HTTP/1.1 for probes, /metrics and pages).
/// Addresses come from <c>Kestrel__Endpoints__{name}__Url</c>; the protocol is implied by the name so
/// that hosts only have to inject URLs.
/// </summary>
internal static class KestrelEndpoints
{
    public static void ApplyProtocolConventions(IConfigurationManager configuration)
    {
        var defaults = new Dictionary<string, string?>();
        AddProtocolDefault(configuration, defaults, "grpc", "Http2");
        AddProtocolDefault(configuration, defaults, "http", "Http1");
        if (defaults.Count > 0)
            configuration.AddInMemoryCollection(defaults);
    }

    private static void AddProtocolDefault(IConfiguration configuration, Dictionary<string, string?> defaults, string endpoint, string protocols)
    {
        var section = configuration.GetSection($"Kestrel:Endpoints:{endpoint}");
        if (section["Url"] is not null && section["Protocols"] is null)
            defaults[$"Kestrel:Endpoints:{endpoint}:Protocols"] = protocols;
    }
}
