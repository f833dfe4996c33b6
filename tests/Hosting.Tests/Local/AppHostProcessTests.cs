using System.Diagnostics;
using System.Text;
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

    private sealed class AppHostProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();
        private readonly StringBuilder _error = new();
        private readonly TaskCompletionSource _running = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private AppHostProcess(Process process, string stateDirectory)
        {
            _process = process;
            StateDirectory = stateDirectory;
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data is null)
                {
                    return;
                }

                lock (_output)
                {
                    _output.AppendLine(e.Data);
                }

                if (e.Data.StartsWith("Running.", StringComparison.Ordinal))
                {
                    _running.TrySetResult();
                }
            };
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is not null)
                {
                    lock (_error)
                    {
                        _error.AppendLine(e.Data);
                    }
                }
            };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public string StateDirectory { get; }

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        public string Error
        {
            get
            {
                lock (_error)
                {
                    return _error.ToString();
                }
            }
        }

        public static Task<AppHostProcess> StartAsync(params string[] extraArguments)
        {
            var state = Directory.CreateTempSubdirectory("hosting-apphost-").FullName;
            var startInfo = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = state,
            };
            foreach (var argument in new[] { new Projects.TestAppHost().TargetPath!, "--state-dir", state, "--AppHost:DefaultPorts=false" }.Concat(extraArguments))
            {
                startInfo.ArgumentList.Add(argument);
            }

            return Task.FromResult(new AppHostProcess(Process.Start(startInfo)!, state));
        }

        public async Task<IReadOnlyDictionary<string, int>> WaitUntilRunningAsync(TimeSpan limit)
        {
            var finished = await Task.WhenAny(_running.Task, _process.WaitForExitAsync(), Task.Delay(limit));
            Assert.True(finished == _running.Task, $"The AppHost did not report running.\nstdout:\n{Output}\nstderr:\n{Error}");
            return ProcessChecks.ReadPidFile(StateDirectory);
        }

        public void Signal(int signal) => Assert.Equal(0, Kill(_process.Id, signal));

        public async Task<int> WaitForExitAsync(TimeSpan limit)
        {
            using var deadline = new CancellationTokenSource(limit);
            await _process.WaitForExitAsync(deadline.Token);
            return _process.ExitCode;
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
            try
            {
                Directory.Delete(StateDirectory, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill")]
        private static extern int Kill(int pid, int signal);
    }
}
