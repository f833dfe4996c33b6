using Interop.Tests.Hosting;
using Interop.Tests.Peers;
using Platform.Testing.Peers;
using Xunit;

namespace Interop.Tests;

/// <summary>Starts our server, runs one peer client against it to completion, and keeps what it reported.</summary>
public abstract class PeerClientRun : IAsyncLifetime
{
    protected static readonly TimeSpan PeerTimeout = TimeSpan.FromMinutes(2);

    private OurGrpcServer? _server;

    public PeerReport Report { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _server = await OurGrpcServer.StartAsync();
        Report = await RunPeerAsync(_server.HostAndPort);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    protected abstract Task<PeerReport> RunPeerAsync(string hostAndPort);

    protected static async Task<PeerReport> CollectAsync(PeerProcess peer)
    {
        var lines = await peer.WaitForExitAsync(PeerTimeout);
        var report = new PeerReport(lines, peer.Describe());
        if (peer.ExitCode != 0)
        {
            throw new InvalidOperationException($"The peer client exited with {peer.ExitCode}.\n{report.PeerOutput}");
        }

        return report;
    }
}

public sealed class NodeClientRun : PeerClientRun
{
    protected override async Task<PeerReport> RunPeerAsync(string hostAndPort)
    {
        using var peer = await NodePeers.StartAsync("interop-client.js", hostAndPort, RepoPaths.EchoProto, RepoPaths.HealthProto);
        return await CollectAsync(peer);
    }
}

public sealed class PythonClientRun : PeerClientRun
{
    protected override async Task<PeerReport> RunPeerAsync(string hostAndPort)
    {
        using var python = await PythonPeers.GenerateStubsAsync();
        using var peer = python.Start("interop_client.py", hostAndPort, python.StubsDirectory.FullName);
        return await CollectAsync(peer);
    }
}
