using Grpc.Core;

namespace Grpc.Net.Client.Internal;

/// <summary>What a channel works out once per method rather than per call: the request URI and the names telemetry uses.</summary>
internal sealed class MethodRoute(IMethod method, Uri address)
{
    public Uri RequestUri { get; } = new(address, method.FullName);

    /// <summary>OpenTelemetry's RPC span name: "package.Service/Method".</summary>
    public string SpanName { get; } = method.FullName.TrimStart('/');

    /// <summary>The service URL AuthInterceptorContext reports, e.g. "http://host:port/package.Service".</summary>
    public string ServiceUrl { get; } = new Uri(address, "/" + method.ServiceName).ToString();

    public string ServerAddress { get; } = address.Host;

    public int ServerPort { get; } = address.Port;
}
