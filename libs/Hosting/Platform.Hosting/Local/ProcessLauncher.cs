using System.Collections.Concurrent;
using System.Diagnostics;

namespace Platform.Hosting.Local;

/// <summary>
/// Starts every child from one long-lived thread, wrapped in <c>setsid</c> (own process group, so a terminal's
/// Ctrl+C reaches only the AppHost, which then stops children in order) and <c>setpriv --pdeathsig SIGKILL</c>
/// (the kernel kills the child when its parent dies, even by SIGKILL). The death signal fires when the
/// <em>thread</em> that forked the child exits, which is why the fork never happens on a pool thread:
/// this thread lives until the launcher is disposed, after every child has stopped.
/// </summary>
internal sealed class ProcessLauncher : IDisposable
{
    private const string SetSid = "/usr/bin/setsid";
    private const string SetPriv = "/usr/bin/setpriv";

    private readonly BlockingCollection<(ProcessStartInfo StartInfo, TaskCompletionSource<Process> Started)> _requests = new();
    private readonly Thread _thread;

    public ProcessLauncher()
    {
        _thread = new Thread(LaunchLoop) { IsBackground = true, Name = "Platform.Hosting process launcher" };
        _thread.Start();
    }

    /// <summary>Whether children are tied to the AppHost's life (Linux with util-linux); elsewhere they are started plainly.</summary>
    public static bool CanTieChildren => OperatingSystem.IsLinux() && File.Exists(SetSid) && File.Exists(SetPriv);

    public Task<Process> StartAsync(ProcessSpec spec)
    {
        var started = new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
        _requests.Add((CreateStartInfo(spec), started));
        return started.Task;
    }

    public void Dispose()
    {
        _requests.CompleteAdding();
        _thread.Join(TimeSpan.FromSeconds(10));
    }

    private void LaunchLoop()
    {
        foreach (var (startInfo, started) in _requests.GetConsumingEnumerable())
        {
            try
            {
                started.SetResult(Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {startInfo.FileName}."));
            }
            catch (Exception ex)
            {
                started.SetException(ex);
            }
        }
    }

    private static ProcessStartInfo CreateStartInfo(ProcessSpec spec)
    {
        var startInfo = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = spec.WorkingDirectory ?? System.Environment.CurrentDirectory,
        };

        if (CanTieChildren)
        {
            startInfo.FileName = SetSid;
            startInfo.ArgumentList.Add(SetPriv);
            if (spec.RunAsUser is { } user && Signals.IsRoot)
            {
                startInfo.ArgumentList.Add($"--reuid={user}");
                startInfo.ArgumentList.Add($"--regid={user}");
                startInfo.ArgumentList.Add("--init-groups");
            }

            // setpriv applies the death signal after switching user, so it survives the credential change.
            startInfo.ArgumentList.Add("--pdeathsig");
            startInfo.ArgumentList.Add("SIGKILL");
            startInfo.ArgumentList.Add("--");
            startInfo.ArgumentList.Add(spec.FileName);
        }
        else
        {
            startInfo.FileName = spec.FileName;
        }

        foreach (var argument in spec.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in spec.Environment)
        {
            if (value is null)
            {
                startInfo.Environment.Remove(name);
            }
            else
            {
                startInfo.Environment[name] = value;
            }
        }

        return startInfo;
    }
}
