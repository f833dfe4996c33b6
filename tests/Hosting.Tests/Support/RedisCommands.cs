using System.Net.Sockets;
using System.Text;

namespace Platform.Hosting.Tests.Support;

/// <summary>Just enough RESP to prove a connection string (<c>host:port,password=...</c>) reaches a real Redis.</summary>
internal static class RedisCommands
{
    public static async Task<string?> PingAsync(string connectionString) => await SendAsync(connectionString, "PING");

    public static async Task SetAsync(string connectionString, string key, string value) => await SendAsync(connectionString, "SET", key, value);

    public static async Task<string?> GetAsync(string connectionString, string key) => await SendAsync(connectionString, "GET", key);

    private static async Task<string?> SendAsync(string connectionString, params string[] command)
    {
        var parts = connectionString.Split(',');
        var hostPort = parts[0].Split(':');
        var password = parts.Single(p => p.StartsWith("password=", StringComparison.Ordinal))["password=".Length..];
        using var client = new TcpClient();
        await client.ConnectAsync(hostPort[0], int.Parse(hostPort[1], System.Globalization.CultureInfo.InvariantCulture));
        await using var stream = client.GetStream();
        await stream.WriteAsync(Encoding.UTF8.GetBytes(Resp("AUTH", password) + Resp(command)));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        Assert.Equal("+OK", await reader.ReadLineAsync());
        var reply = await reader.ReadLineAsync() ?? throw new IOException("Redis closed the connection.");
        return reply[0] switch
        {
            '+' => reply[1..],
            '$' when reply == "$-1" => null,
            '$' => await reader.ReadLineAsync(),
            _ => throw new IOException($"Redis answered {reply}"),
        };
    }

    private static string Resp(params string[] parts) =>
        $"*{parts.Length}\r\n" + string.Concat(parts.Select(p => $"${Encoding.UTF8.GetByteCount(p)}\r\n{p}\r\n"));
}
