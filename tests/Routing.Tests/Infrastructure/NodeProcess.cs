using System.Diagnostics;
using System.Reflection;

namespace Platform.Routing.Tests.Infrastructure;

/// <summary>Runs node scripts from tests/Routing.Tests/node (installing its locked packages with npm ci when missing).</summary>
public static class NodeProcess
{
    public static readonly string Directory = Metadata("NodeClientDirectory");

    public static readonly string ProtosDirectory = Path.GetFullPath(Metadata("ProtosDirectory"));

    public static async Task EnsurePackagesAsync()
    {
        if (System.IO.Directory.Exists(Path.Combine(Directory, "node_modules", "openai")) &&
            System.IO.Directory.Exists(Path.Combine(Directory, "node_modules", "@grpc", "grpc-js")))
            return;
        var (exitCode, output, errors) = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], TimeSpan.FromMinutes(5));
        Assert.True(exitCode == 0, $"npm ci failed ({exitCode}): {errors}\n{output}");
    }

    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            // Only the process this test started (and its children) is killed.
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} did not finish within {timeout}.");
        }
        return (process.ExitCode, await output, await errors);
    }

    private static string Metadata(string key) =>
        typeof(NodeProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
