namespace Platform.Hosting.Tests.Support;

/// <summary>
/// Builds the real AppHost once per test run without building its services (publishing and inspecting the model
/// need only their paths), so these tests do not depend on every service compiling.
/// </summary>
internal static class AppHostBuild
{
    private static readonly Lazy<Task<string>> Built = new(BuildAsync);

    public static Task<string> EnsureBuiltAsync() => Built.Value;

    private static async Task<string> BuildAsync()
    {
        var appHost = new Projects.AppHost();
        var result = await CommandLine.RunAsync(
            "dotnet",
            ["build", appHost.ProjectPath, "--nologo", "-v:q", "-p:BuildResourceProjects=false", "-nodeReuse:false"],
            RepositoryPaths.Root,
            TimeSpan.FromMinutes(10),
            new Dictionary<string, string?> { ["MSBuildExtensionsPath"] = null, ["MSBuildSDKsPath"] = null, ["MSBUILD_EXE_PATH"] = null });
        Assert.True(result.ExitCode == 0 && File.Exists(appHost.TargetPath), $"Building the AppHost failed:\n{result.All}");
        return appHost.TargetPath!;
    }
}
