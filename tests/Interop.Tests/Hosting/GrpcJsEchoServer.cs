using System.Text.Json;
using Grpc.Net.Client;
using Grpc.Tests.Echo;
using Interop.Tests.Peers;
using Platform.Testing.Peers;
using Xunit;

namespace Interop.Tests.Hosting;

/// <summary>The grpc-js echo server (node/echo-server.js) as a child process, with our client's channel to it.</summary>
public sealed class GrpcJsEchoServer : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    private PeerProcess? _peer;

    public GrpcChannel Channel { get; private set; } = null!;

    public Echo.EchoClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _peer = await NodePeers.StartAsync("echo-server.js", RepoPaths.EchoProto, "0");
        var listening = JsonDocument.Parse(await _peer.ReadLineAsync(StartTimeout)).RootElement;
        var port = listening.GetProperty("port").GetInt32();
        Channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
        Client = new Echo.EchoClient(Channel);
    }

    public Task DisposeAsync()
    {
        Channel?.Dispose();
        _peer?.Dispose();
        return Task.CompletedTask;
    }
}
