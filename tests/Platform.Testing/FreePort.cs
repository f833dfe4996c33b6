using System.Net;
using System.Net.Sockets;

namespace Platform.Testing;

/// <summary>Finds loopback ports nobody listens on, so parallel test runs never collide.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
