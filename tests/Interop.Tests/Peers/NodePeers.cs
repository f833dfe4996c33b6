using Platform.Testing.Peers;

namespace Interop.Tests.Peers;

/// <summary>Runs the grpc-js scripts in tests/Interop.Tests/node, installing their packages (npm ci) on first use.</summary>
public static class NodePeers
{
    private static readonly NodeScripts Scripts = new(RepoPaths.NodePeers, Path.Combine("@grpc", "grpc-js"));

    public static Task<PeerProcess> StartAsync(string script, params string[] arguments) => Scripts.StartAsync(script, arguments);
}
