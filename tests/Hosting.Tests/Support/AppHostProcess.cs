using System.Diagnostics;
using System.Text;

namespace Platform.Hosting.Tests.Support;

/// <summary>
/// The test AppHost (TestApps/TestAppHost: Redis + two replicas of a service) as a real process with its own
/// state folder and free ports; "Running." on its output means everything is healthy.
/// </summary>
internal sealed class AppHostProcess : IAsyncDisposable
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
        var startInfo = StartInfo("dotnet", state);
        foreach (var argument in AppHostArguments(state).Concat(extraArguments))
        {
            startInfo.ArgumentList.Add(argument);
        }

        return Task.FromResult(new AppHostProcess(Process.Start(startInfo)!, state));
    }

    /// <summary>The AppHost as the child of a shell (as under <c>dotnet run</c>); <see cref="Pid"/> is the shell's.</summary>
    public static Task<AppHostProcess> StartUnderShellAsync()
    {
        var state = Directory.CreateTempSubdirectory("hosting-apphost-").FullName;
        var command = string.Join(' ', AppHostArguments(state).Prepend("dotnet").Select(a => $"'{a}'"));
        var startInfo = StartInfo("/bin/sh", state);
        startInfo.ArgumentList.Add("-c");
        startInfo.ArgumentList.Add($"{command} & echo $! > apphost.pid; wait");
        return Task.FromResult(new AppHostProcess(Process.Start(startInfo)!, state));
    }

    public int Pid => _process.Id;

    /// <summary>With <see cref="StartUnderShellAsync"/>: the AppHost's own pid.</summary>
    public int ReadAppHostPid() => int.Parse(File.ReadAllText(Path.Combine(StateDirectory, "apphost.pid")).Trim(), System.Globalization.CultureInfo.InvariantCulture);

    private static ProcessStartInfo StartInfo(string fileName, string state) => new(fileName)
    {
        RedirectStandardOutput = true,
        RedirectStandardError = true,
        UseShellExecute = false,
        WorkingDirectory = state,
    };

    private static string[] AppHostArguments(string state) =>
        [new Projects.TestAppHost().TargetPath!, "--state-dir", state, "--AppHost:DefaultPorts=false"];

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
