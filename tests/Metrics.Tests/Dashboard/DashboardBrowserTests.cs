using System.Diagnostics;
using System.Text.Json;
using Platform.Metrics.Tests.Infrastructure;
using Platform.Redis;
using Platform.Testing;
using Platform.Testing.Postgres;
using Platform.Testing.Redis;
using Xunit;
using Xunit.Abstractions;

namespace Platform.Metrics.Tests.Dashboard;

/// <summary>
/// The dashboard in headless Chromium (Debian's chromium, driven by playwright-core from
/// tests/Metrics.Tests/node): it loads with no external request, draws every panel from real data,
/// switches windows, refreshes by itself; the screenshot goes to docs/dashboard.png.
/// </summary>
public sealed class DashboardBrowserTests(ITestOutputHelper output)
{
    private static readonly string NodeFolder = Path.Combine(RepositoryPaths.Root, "tests", "Metrics.Tests", "node");
    private static readonly string Screenshot = Path.Combine(RepositoryPaths.Root, "docs", "dashboard.png");

    [Fact]
    public async Task Dashboard_shows_real_data_in_headless_chromium()
    {
        Assert.True(File.Exists("/usr/bin/chromium") || Environment.GetEnvironmentVariable("CHROMIUM_PATH") is not null,
            "Chromium is missing: apt-get install -y chromium (or set CHROMIUM_PATH).");
        await EnsureNodeDependenciesAsync();

        var run = new TestRun(Guid.NewGuid().ToString("N")[..10]);
        var redisServer = await SharedRedisServer.GetAsync();
        await using var redis = await RedisConnection.ConnectAsync(redisServer.ConnectionString);
        var database = await (await SharedPostgresServer.GetAsync()).CreateDatabaseAsync("dashboard");
        await using var service = await MetricsServiceProcess.StartAsync(redisServer.ConnectionString, database, run.Settings(
            ("Metrics:Alerts:EvaluationInterval", "00:00:01"), ("Metrics:Alerts:MinRequests", "10")));
        await DashboardTraffic.RecordAsync(service.Client, redis.GetDatabase(), run);
        await WaitForAlertsAndBudgetsAsync(service);

        Directory.CreateDirectory(Path.GetDirectoryName(Screenshot)!);
        var (exitCode, stdout, stderr) = await RunAsync("node", ["dashboard.mjs", new Uri(service.Process.HttpEndpoint, "/dashboard/").ToString(), Screenshot],
            TimeSpan.FromMinutes(3));
        output.WriteLine(stdout);
        output.WriteLine(stderr);
        Assert.True(exitCode == 0, $"dashboard driver failed ({exitCode}): {stdout} {stderr}");

        using var shown = JsonDocument.Parse(stdout.Trim().Split('\n')[^1]);
        var page = shown.RootElement;
        Assert.Equal(0, page.GetProperty("problems").GetArrayLength());
        // "24.1k" calls were recorded over a day; the rolling window may have let the oldest few go by now.
        var requests = page.GetProperty("kpis").GetProperty("requests").GetString()!;
        Assert.InRange(double.Parse(requests.TrimEnd('k'), System.Globalization.CultureInfo.InvariantCulture), 23.5, 24.1);
        Assert.True(page.GetProperty("spendByModelBars").GetInt32() > 20);
        Assert.True(page.GetProperty("spendByAgentBars").GetInt32() > 20);
        Assert.True(page.GetProperty("latencyLines").GetInt32() >= 5);
        Assert.Equal(2, page.GetProperty("failureLines").GetInt32());
        Assert.Equal(6, page.GetProperty("modelRows").GetInt32());
        Assert.Equal(10, page.GetProperty("agentRows").GetInt32());
        Assert.Equal(4, page.GetProperty("tierRows").GetInt32());
        Assert.Equal(4, page.GetProperty("budgetBars").GetInt32());
        Assert.True(page.GetProperty("firingAlerts").GetInt32() >= 2);
        Assert.True(new FileInfo(Screenshot).Length > 50_000);
    }

    // Budget events arrive through the stream and alerts need an evaluation round: wait for both.
    private static async Task WaitForAlertsAndBudgetsAsync(MetricsServiceProcess service)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(1);
        while (DateTime.UtcNow < deadline)
        {
            using var json = JsonDocument.Parse(await service.Http.GetStringAsync("/api/dashboard?window=day"));
            if (json.RootElement.GetProperty("budgets").GetArrayLength() == 4
                && json.RootElement.GetProperty("alerts").GetProperty("firing").GetArrayLength() >= 2)
                return;
            await Task.Delay(500);
        }

        throw new TimeoutException("Budget readings and alerts did not appear within a minute.");
    }

    private static async Task EnsureNodeDependenciesAsync()
    {
        if (Directory.Exists(Path.Combine(NodeFolder, "node_modules", "playwright-core")))
            return;
        var (exitCode, stdout, stderr) = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], TimeSpan.FromMinutes(5));
        Assert.True(exitCode == 0, $"npm ci failed: {stdout} {stderr}");
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string file, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = NodeFolder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not finish within {timeout}");
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
