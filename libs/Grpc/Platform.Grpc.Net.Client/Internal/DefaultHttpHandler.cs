using System.Diagnostics;

namespace Grpc.Net.Client.Internal;

/// <summary>The handler a channel builds when the caller gives none: long-lived, multiplexed HTTP/2 connections.</summary>
internal static class DefaultHttpHandler
{
    public static SocketsHttpHandler Create() => new()
    {
        // One HTTP/2 connection caps concurrent streams (often at 100); allow more connections under load.
        EnableMultipleHttp2Connections = true,
        // gRPC channels are long-lived; re-handshaking after idle gaps only adds latency.
        PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        // Pings keep NATs and proxies from silently dropping idle connections, and detect dead peers.
        KeepAlivePingDelay = TimeSpan.FromSeconds(60),
        KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
        KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
        ConnectTimeout = TimeSpan.FromSeconds(30),
        AllowAutoRedirect = false,
        UseCookies = false,
        UseProxy = false,
        // The call itself injects traceparent from its own span; the handler must not add a second one.
        ActivityHeadersPropagator = DistributedContextPropagator.CreateNoOutputPropagator(),
    };
}
