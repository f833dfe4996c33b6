using System.Net;

namespace Platform.Routing.Upstream;

/// <summary>
/// The one pooled HttpClient every upstream call shares: many connections per provider (an LLM call
/// holds its connection for seconds), connections recycled every few minutes so DNS changes are seen,
/// no client-wide timeout (each attempt carries its own).
/// </summary>
public static class UpstreamHttp
{
    public static HttpClient CreateClient(int maxConnectionsPerServer = 4096) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = maxConnectionsPerServer,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        ConnectTimeout = TimeSpan.FromSeconds(10),
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        UseProxy = false,
        AllowAutoRedirect = false,
        EnableMultipleHttp2Connections = true,
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
        DefaultRequestVersion = HttpVersion.Version11,
    };
}
