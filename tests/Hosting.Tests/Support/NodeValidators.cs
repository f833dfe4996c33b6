namespace Platform.Hosting.Tests.Support;

/// <summary>The schema validators in tests/Hosting.Tests/node (ajv, kubernetes-models), installed with <c>npm ci</c> on first use.</summary>
internal static class NodeValidators
{
    private static readonly SemaphoreSlim InstallOnce = new(1, 1);

    public static string Directory { get; } = RepositoryPaths.Of("tests", "Hosting.Tests", "node");

    public static async Task<CommandLine.Result> RunAsync(string script, params string[] arguments)
    {
        await EnsureInstalledAsync();
        return await CommandLine.RunAsync("node", [script, .. arguments], Directory, TimeSpan.FromMinutes(2));
    }

    private static async Task EnsureInstalledAsync()
    {
        await InstallOnce.WaitAsync();
        try
        {
            if (File.Exists(Path.Combine(Directory, "node_modules", ".package-lock.json")))
            {
                return;
            }

            var install = await CommandLine.RunAsync("npm", ["ci", "--no-audit", "--no-fund"], Directory, TimeSpan.FromMinutes(5));
            Assert.True(install.ExitCode == 0, $"npm ci failed in {Directory}:\n{install.All}");
        }
        finally
        {
            InstallOnce.Release();
        }
    }
}
