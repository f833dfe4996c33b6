using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Platform.Hosting.Local;

/// <summary>AUTH + PING in RESP over a fresh connection: healthy means the server answers PONG to an authenticated client.</summary>
internal static class RedisPing
{
    public static async Task<bool> PingAsync(int port, string password, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token).ConfigureAwait(false);
        await using var stream = client.GetStream();
        var request = Command("AUTH", password) + Command("PING");
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request), timeout.Token).ConfigureAwait(false);

        using var reader = new StreamReader(stream, Encoding.UTF8);
        var auth = await reader.ReadLineAsync(timeout.Token).ConfigureAwait(false);
        var ping = await reader.ReadLineAsync(timeout.Token).ConfigureAwait(false);
        if (auth is not null && auth.StartsWith("-WRONGPASS", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("Redis rejected the password (is another redis-server using this port?).");
        }

        // "-LOADING" while the append-only file is replayed: not yet.
        return auth == "+OK" && ping == "+PONG";
    }

    private static string Command(params string[] parts)
    {
        var text = new StringBuilder($"*{parts.Length}\r\n");
        foreach (var part in parts)
        {
            text.Append('$').Append(Encoding.UTF8.GetByteCount(part)).Append("\r\n").Append(part).Append("\r\n");
        }

        return text.ToString();
    }
}
