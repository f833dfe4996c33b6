namespace Platform.Testing.Peers;

/// <summary>
/// Runs Node scripts of a test project's <c>node/</c> folder as peers, installing their packages
/// from the committed lock file (npm ci) the first time, so a fresh clone needs nothing done first.
/// </summary>
public sealed class NodeScripts(string directory, string markerPackage)
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _installLock = new(1, 1);

    public string Directory => directory;

    public async Task<PeerProcess> StartAsync(string script, params string[] arguments)
    {
        await EnsureInstalledAsync();
        return PeerProcess.Start("node", directory, [Path.Combine(directory, script), .. arguments]);
    }

    private async Task EnsureInstalledAsync()
    {
        await _installLock.WaitAsync();
        try
        {
            if (System.IO.Directory.Exists(Path.Combine(directory, "node_modules", markerPackage)))
                return;

            using var npm = PeerProcess.Start("npm", directory, "ci", "--no-audit", "--no-fund");
            await npm.WaitForExitAsync(InstallTimeout);
            if (npm.ExitCode != 0)
                throw new InvalidOperationException($"npm ci in {directory} failed with exit code {npm.ExitCode}.\n{npm.Describe()}");
        }
        finally
        {
            _installLock.Release();
        }
    }
}
