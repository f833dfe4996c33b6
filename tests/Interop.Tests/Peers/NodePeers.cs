namespace Interop.Tests.Peers;

/// <summary>Runs the grpc-js scripts in tests/Interop.Tests/node, installing their packages (npm ci) on first use.</summary>
public static class NodePeers
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    public static async Task<PeerProcess> StartAsync(string script, params string[] arguments)
    {
        await EnsureInstalledAsync();
        return PeerProcess.Start("node", RepoPaths.NodePeers, [Path.Combine(RepoPaths.NodePeers, script), .. arguments]);
    }

    private static async Task EnsureInstalledAsync()
    {
        await InstallLock.WaitAsync();
        try
        {
            if (Directory.Exists(Path.Combine(RepoPaths.NodePeers, "node_modules", "@grpc", "grpc-js")))
            {
                return;
            }

            using var npm = PeerProcess.Start("npm", RepoPaths.NodePeers, "ci", "--no-audit", "--no-fund");
            await npm.WaitForExitAsync(InstallTimeout);
            if (npm.ExitCode != 0)
            {
                throw new InvalidOperationException($"npm ci failed with exit code {npm.ExitCode}.\n{npm.Describe()}");
            }
        }
        finally
        {
            InstallLock.Release();
        }
    }
}
