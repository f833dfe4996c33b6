using Platform.Hosting.Tests.Support;

namespace Platform.Hosting.Tests.Local;

/// <summary>
/// An AppHost (tests/Hosting.Tests/TestApps/TestAppHost: Redis + two replicas of a service) run as a real
/// process, the way a developer runs one, then killed or interrupted.
/// </summary>
public sealed class AppHostProcessTests
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Killing_the_AppHost_with_SIGKILL_leaves_no_process_behind()
    {
        await using var host = await AppHostProcess.StartAsync();
        var pids = await host.WaitUntilRunningAsync(StartLimit);
        Assert.Equal(["cache", "service-0", "service-1"], pids.Keys.Order());
        Assert.All(pids.Values, pid => Assert.True(ProcessChecks.IsAlive(pid), $"{pid} should run"));

        host.Signal(9);

        Assert.Empty(await ProcessChecks.WaitUntilAllExitedAsync(pids.Values, TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task An_AppHost_whose_parent_dies_stops_everything_it_started()
    {
        await using var shell = await AppHostProcess.StartUnderShellAsync();
        var pids = await shell.WaitUntilRunningAsync(StartLimit);
        var appHost = shell.ReadAppHostPid();
        Assert.True(ProcessChecks.IsAlive(appHost));

        shell.Signal(9);

        Assert.Empty(await ProcessChecks.WaitUntilAllExitedAsync(pids.Values.Append(appHost), TimeSpan.FromSeconds(60)));
        Assert.Contains("parent process", shell.Error);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(15)]
    public async Task SIGINT_or_SIGTERM_stops_everything_in_reverse_dependency_order_and_exits_cleanly(int signal)
    {
        await using var host = await AppHostProcess.StartAsync();
        var pids = await host.WaitUntilRunningAsync(StartLimit);

        host.Signal(signal);
        var exitCode = await host.WaitForExitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(0, exitCode);
        Assert.DoesNotContain(pids.Values, ProcessChecks.IsAlive);
        var output = host.Output;
        var cacheStopping = output.IndexOf("cache: Stopping", StringComparison.Ordinal);
        Assert.True(cacheStopping > output.IndexOf("service-0: Stopped", StringComparison.Ordinal), output);
        Assert.True(cacheStopping > output.IndexOf("service-1: Stopped", StringComparison.Ordinal), output);
        Assert.Contains("cache: Stopped", output);
    }

    [Fact]
    public async Task An_AppHost_whose_resource_cannot_start_reports_it_stops_the_rest_and_exits_non_zero()
    {
        await using var host = await AppHostProcess.StartAsync("--TestAppHost:Broken=true");

        var exitCode = await host.WaitForExitAsync(StartLimit);

        Assert.Equal(1, exitCode);
        Assert.Contains("Resource 'broken' failed to start: exited with code 3", host.Error);
        Assert.Contains("broken | test-service: cannot start, failing on purpose", host.Error);
        var pids = ProcessChecks.ReadPidFile(host.StateDirectory);
        Assert.Equal(["broken", "cache", "service-0", "service-1"], pids.Keys.Order());
        Assert.DoesNotContain(pids.Values, ProcessChecks.IsAlive);
    }
}
