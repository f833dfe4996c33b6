using System.Diagnostics;

namespace Platform.Hosting.Local;

/// <summary>A started process: its output lines, its exit, and an orderly stop (signal, grace period, SIGKILL to its group).</summary>
internal sealed class ChildProcess
{
    private readonly Process _process;
    private readonly ProcessSpec _spec;
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildProcess(Process process, ProcessSpec spec, Action<string> onLine)
    {
        _process = process;
        _spec = spec;
        Pid = process.Id;
        process.OutputDataReceived += (_, e) => OnLine(e.Data, onLine);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data, onLine);
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => _exited.TrySetResult(ExitCodeOf(process));
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (process.HasExited)
        {
            _exited.TrySetResult(ExitCodeOf(process));
        }
    }

    public int Pid { get; }

    public LogRing RecentLines { get; } = new();

    /// <summary>Completes with the exit code when the process ends.</summary>
    public Task<int> Exited => _exited.Task;

    public bool HasExited => _exited.Task.IsCompleted;

    /// <summary>For short-lived tools: waits for the exit and for the last output line to be delivered.</summary>
    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
    {
        await _process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return await Exited.ConfigureAwait(false);
    }

    public static async Task<ChildProcess> StartAsync(ProcessLauncher launcher, ProcessSpec spec, Action<string> onLine) =>
        new(await launcher.StartAsync(spec).ConfigureAwait(false), spec, onLine);

    /// <summary>Sends the stop signal, waits up to <paramref name="grace"/>, then kills the whole process group.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (!HasExited)
        {
            Signals.Send(Pid, _spec.StopSignal);
            if (await Task.WhenAny(Exited, Task.Delay(grace)).ConfigureAwait(false) != Exited)
            {
                // The group id is still ours while its leader lives; helpers it forked (PostgreSQL backends) go with it.
                Signals.Send(ProcessLauncher.CanTieChildren ? -Pid : Pid, Signals.SIGKILL);
            }
        }

        await Exited.WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        _process.Dispose();
    }

    private void OnLine(string? line, Action<string> onLine)
    {
        if (line is null)
        {
            return;
        }

        RecentLines.Add(line);
        onLine(line);
    }

    private static int ExitCodeOf(Process process)
    {
        try
        {
            return process.ExitCode;
        }
        catch (InvalidOperationException)
        {
            return -1;
        }
    }
}
