using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;

namespace Platform.LlmSimulator.Tests;

/// <summary>The official <c>openai</c> npm client, run by node, completes plain and streaming calls against the simulator.</summary>
public sealed class OpenAiNodeClientTests
{
    private static readonly string NodeDirectory = typeof(OpenAiNodeClientTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "NodeClientDirectory").Value!;

    [Fact]
    public async Task Openai_npm_client_completes_plain_and_streaming_calls()
    {
        await EnsureNodeModulesAsync();
        await using var sim = await SimulatorServer.StartAsync();

        var (exitCode, output, errors) = await RunAsync("node", ["openai-client-check.mjs", $"{sim.BaseUrl}/v1", "gpt-4o-mini"], TimeSpan.FromMinutes(2));

        Assert.True(exitCode == 0, $"node exited with {exitCode}: {errors}\n{output}");
        var result = JsonNode.Parse(output.Trim().Split('\n')[^1])!;
        var plain = result["non_streaming"]!;
        var streamed = result["streaming"]!;
        Assert.Equal("gpt-4o-mini", (string)plain["model"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)plain["content"]));
        Assert.Equal((string)plain["content"]!, (string)streamed["content"]!);
        Assert.Equal((string)plain["finish_reason"]!, (string)streamed["finish_reason"]!);
        Assert.Equal((int)plain["usage"]!["total_tokens"]!, (int)streamed["usage"]!["total_tokens"]!);
        Assert.Contains("gpt-4o-mini", result["models"]!.AsArray().Select(m => (string)m!));

        // The same request from .NET gets the same reply: the client saw exactly what the simulator generated.
        var direct = await sim.CompleteAsync(new
        {
            model = "gpt-4o-mini",
            seed = 7,
            max_tokens = 60,
            messages = new object[] { new { role = "system", content = "You are a test agent." }, new { role = "user", content = "Hello from the openai npm client." } },
        });
        Assert.Equal(ChatResponse.Content(direct), (string)plain["content"]!);
    }

    private static async Task EnsureNodeModulesAsync()
    {
        if (Directory.Exists(Path.Combine(NodeDirectory, "node_modules", "openai")))
        {
            return;
        }
        var (exitCode, output, errors) = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], TimeSpan.FromMinutes(5));
        Assert.True(exitCode == 0, $"npm ci failed ({exitCode}): {errors}\n{output}");
    }

    private static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string fileName, string[] arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = NodeDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
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
}
