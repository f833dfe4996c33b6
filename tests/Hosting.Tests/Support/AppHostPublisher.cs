namespace Platform.Hosting.Tests.Support;

/// <summary>Runs the real AppHost with <c>--publisher</c>, exactly as azd does.</summary>
internal static class AppHostPublisher
{
    public static async Task<string> PublishAsync(string publisher, string outputPath)
    {
        var dll = await AppHostBuild.EnsureBuiltAsync();
        var result = await CommandLine.RunAsync("dotnet", [dll, "--publisher", publisher, "--output-path", outputPath], RepositoryPaths.Root, TimeSpan.FromMinutes(2));
        Assert.True(result.ExitCode == 0, $"The AppHost failed to publish ({publisher}):\n{result.All}");
        return outputPath;
    }
}
