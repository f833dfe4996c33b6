namespace Platform.Hosting.ApplicationModel;

/// <summary>
/// A named endpoint. <see cref="TargetPort"/> is the port inside a container or pod (publishers);
/// <see cref="Port"/> pins the local port (run mode), otherwise a friendly default or a free port is used.
/// </summary>
public sealed class EndpointAnnotation(string name, string scheme, string transport, int? targetPort = null, int? port = null)
    : IResourceAnnotation
{
    public string Name { get; } = name;

    /// <summary>URI scheme: <c>http</c> for web and gRPC endpoints, <c>tcp</c> for servers.</summary>
    public string Scheme { get; set; } = scheme;

    /// <summary><c>http</c> (HTTP/1.1), <c>http2</c> (cleartext HTTP/2 with prior knowledge, gRPC) or <c>tcp</c>.</summary>
    public string Transport { get; set; } = transport;

    public int? TargetPort { get; set; } = targetPort;

    public int? Port { get; set; } = port;

    /// <summary>Whether the endpoint is reachable from outside the deployment (publishers only).</summary>
    public bool IsExternal { get; set; }
}
