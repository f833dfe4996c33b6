using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Platform.Testing.Postgres;

/// <summary>
/// Starts server processes as the <c>postgres</c> system user (PostgreSQL refuses to run as root,
/// and tests run as root on CI) and makes them die with the test process.
/// </summary>
/// <remarks>
/// The kernel's parent-death signal fires when the <em>thread</em> that forked the child exits, not
/// the process. Thread-pool threads retire when idle, so a server forked from one could be killed
/// mid-run. Every launch therefore happens on one dedicated thread that lives as long as the process.
/// </remarks>
internal static class ServerProcessLauncher
{
    private const string ServerUser = "postgres";

    private static readonly BlockingCollection<(ProcessStartInfo StartInfo, TaskCompletionSource<Process> Started)> Requests = new();

    private static readonly Lazy<Thread> LauncherThread = new(() =>
    {
        var thread = new Thread(LaunchLoop) { IsBackground = true, Name = "postgres-launcher" };
        thread.Start();
        return thread;
    });

    public static bool RunningAsRoot => geteuid() == 0;

    /// <summary>Starts a long-running server that gets SIGKILL if this test process dies.</summary>
    public static Task<Process> StartServerAsync(string executable, IEnumerable<string> arguments)
    {
        var startInfo = CreateStartInfo(executable, arguments, dieWithParent: true);
        var started = new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = LauncherThread.Value;
        Requests.Add((startInfo, started));
        return started.Task;
    }

    /// <summary>Runs a short command (initdb) to completion and returns its combined output.</summary>
    public static async Task<string> RunToCompletionAsync(string executable, IEnumerable<string> arguments, TimeSpan timeout)
    {
        using var process = Process.Start(CreateStartInfo(executable, arguments, dieWithParent: false))
            ?? throw new InvalidOperationException($"Could not start {executable}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();

        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw new TimeoutException($"{executable} did not finish within {timeout}.");
        }

        var output = await stdout + await stderr;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(executable)} failed with exit code {process.ExitCode}:\n{output}");
        }

        return output;
    }

    /// <summary>Gives a folder to the server user, so it can own its data and socket directories.</summary>
    public static Task GiveToServerUserAsync(string path) => RunningAsRoot
        ? RunChownAsync(path)
        : Task.CompletedTask;

    /// <summary>
    /// Deletes <paramref name="path"/> once process <paramref name="pid"/> (0: none) has exited, from a
    /// helper in its own session, so it outlives the test host and whatever kills the host's group.
    /// </summary>
    public static void RemoveAfterExit(int pid, string path)
    {
        const string Script = """
            i=0
            while [ "$1" -gt 0 ] && kill -0 "$1" 2>/dev/null && [ $i -lt 300 ]; do sleep 0.1; i=$((i+1)); done
            rm -rf -- "$2"
            """;
        var startInfo = new ProcessStartInfo("setsid") { UseShellExecute = false };
        foreach (var argument in new[] { "sh", "-c", Script, "sh", pid.ToString(), path })
        {
            startInfo.ArgumentList.Add(argument);
        }

        try
        {
            Process.Start(startInfo)?.Dispose();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No setsid: a later run's sweep (StaleServerFolders) removes the folder.
        }
    }

    public static void SendSignal(Process process, Signal signal)
    {
        // Only ever the one PID this fixture started, never a process group or a name.
        _ = kill(process.Id, (int)signal);
    }

    private static async Task RunChownAsync(string path)
    {
        var startInfo = new ProcessStartInfo("chown") { RedirectStandardError = true, UseShellExecute = false };
        startInfo.ArgumentList.Add("-R");
        startInfo.ArgumentList.Add($"{ServerUser}:{ServerUser}");
        startInfo.ArgumentList.Add(path);
        using var chown = Process.Start(startInfo)!;
        var error = await chown.StandardError.ReadToEndAsync();
        await chown.WaitForExitAsync();
        if (chown.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"chown {ServerUser} {path} failed: {error.Trim()}. The `{ServerUser}` system user comes with " +
                "`apt-get install -y postgresql`.");
        }
    }

    private static ProcessStartInfo CreateStartInfo(string executable, IEnumerable<string> arguments, bool dieWithParent)
    {
        var startInfo = new ProcessStartInfo
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        if (RunningAsRoot)
        {
            // setpriv execs in place, so the PID we hold is the server's own PID.
            startInfo.FileName = "setpriv";
            foreach (var argument in new[] { $"--reuid={ServerUser}", $"--regid={ServerUser}", "--init-groups" })
            {
                startInfo.ArgumentList.Add(argument);
            }

            if (dieWithParent)
            {
                startInfo.ArgumentList.Add("--pdeathsig=SIGKILL");
            }

            startInfo.ArgumentList.Add("--");
            startInfo.ArgumentList.Add(executable);
        }
        else
        {
            startInfo.FileName = executable;
        }

        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // A root HOME or working directory may be unreadable for the server user.
        startInfo.WorkingDirectory = Path.GetTempPath();
        return startInfo;
    }

    private static void LaunchLoop()
    {
        foreach (var (startInfo, started) in Requests.GetConsumingEnumerable())
        {
            try
            {
                started.SetResult(Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {startInfo.FileName}."));
            }
            catch (Exception exception)
            {
                started.SetException(exception);
            }
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);

    [DllImport("libc")]
    private static extern uint geteuid();

    internal enum Signal
    {
        Interrupt = 2, // PostgreSQL: fast shutdown (disconnect clients, then exit cleanly).
        Quit = 3,      // PostgreSQL: immediate shutdown.
        Kill = 9,
    }
}
