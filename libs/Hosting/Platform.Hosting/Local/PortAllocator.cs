using System.Net;
using System.Net.Sockets;
using Platform.Hosting.ApplicationModel;

namespace Platform.Hosting.Local;

/// <summary>
/// Local ports: a pinned port as asked, else a friendly default (grpc 5101.., http 5201.., other 5301..,
/// the server's usual port for Redis/PostgreSQL) when nothing listens there, else any free loopback port.
/// </summary>
internal sealed class PortAllocator(bool preferDefaults)
{
    private const int SequenceLength = 99;

    private readonly HashSet<int> _handedOut = [];
    private readonly Dictionary<string, int> _nextInSequence = new() { ["grpc"] = 5101, ["http"] = 5201, [""] = 5301 };

    public int Allocate(IResource resource, EndpointAnnotation endpoint)
    {
        if (endpoint.Port is { } pinned)
        {
            return Take(pinned);
        }

        if (preferDefaults && FriendlyPort(resource, endpoint) is { } friendly)
        {
            return Take(friendly);
        }

        while (true)
        {
            var port = EphemeralPort();
            if (!_handedOut.Contains(port))
            {
                return Take(port);
            }
        }
    }

    private int? FriendlyPort(IResource resource, EndpointAnnotation endpoint)
    {
        if (resource is not ProjectResource)
        {
            var usual = endpoint.TargetPort ?? 0;
            return usual > 0 && IsFree(usual) ? usual : null;
        }

        var sequence = _nextInSequence.ContainsKey(endpoint.Name) ? endpoint.Name : "";
        var start = _nextInSequence[sequence];
        for (var port = start; port < start + SequenceLength; port++)
        {
            if (IsFree(port))
            {
                _nextInSequence[sequence] = port + 1;
                return port;
            }
        }

        return null;
    }

    private int Take(int port)
    {
        _handedOut.Add(port);
        return port;
    }

    private bool IsFree(int port)
    {
        if (_handedOut.Contains(port))
        {
            return false;
        }

        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int EphemeralPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
