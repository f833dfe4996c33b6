namespace Platform.Hosting.Tests.Support;

/// <summary>
/// Builds the real AppHost once per test run (without building the services: publishing needs only their paths)
/// and runs it with <c>--publisher</c>, exactly as azd does.
/// </summary>
internal static class AppHostPublisher
{
    private static readonly Lazy<Task<string>> AppHostDll = new(BuildAsync);

    public static async Task<string> PublishAsync(string publisher, string outputPath)
    {
        var dll = await AppHostDll.Value;
        var result = await CommandLine.RunAsync("dotnet", [dll, "--publisher", publisher, "--output-path", outputPath], RepositoryPaths.Root, TimeSpan.FromMinutes(2));
        Assert.True(result.ExitCode == 0, $"The AppHost failed to publish ({publisher}):\n{result.All}");
        return outputPath;
    }

    private static async Task<string> BuildAsync()
    {
        var project = RepositoryPaths.Of("AppHost", "AppHost.csproj");
        var result = await CommandLine.RunAsync(
            "dotnet",
            ["build", project, "--nologo", "-v:q", "-p:BuildResourceProjects=false", "-nodeReuse:false", "-t:Build", "-getProperty:TargetPath"],
            RepositoryPaths.Root,
            TimeSpan.FromMinutes(10),
            new Dictionary<string, string?> { ["MSBuildExtensionsPath"] = null, ["MSBuildSDKsPath"] = null, ["MSBUILD_EXE_PATH"] = null });
        var dll = result.Output.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.EndsWith(".dll", StringComparison.Ordinal));
        Assert.True(result.ExitCode == 0 && dll is not null && File.Exists(dll), $"Building the AppHost failed:\n{result.All}");
        return dll!;
    }
}
