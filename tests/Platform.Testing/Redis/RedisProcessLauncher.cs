using System.Collections.Concurrent;
using System.Diagnostics;

namespace Platform.Testing.Redis;

/// <summary>
/// Starts redis-server wrapped in <c>setpriv --pdeathsig SIGKILL</c> so it dies with the test process.
/// </summary>
/// <remarks>
/// The parent-death signal fires when the forking <em>thread</em> exits, and idle thread-pool threads
/// retire, which would kill a server mid-run. So every start happens on one long-lived thread.
/// </remarks>
internal static class RedisProcessLauncher
{
    private static readonly BlockingCollection<(ProcessStartInfo StartInfo, TaskCompletionSource<Process> Started)> Requests = new();

    private static readonly Lazy<Thread> LauncherThread = new(() =>
    {
        var thread = new Thread(LaunchLoop) { IsBackground = true, Name = "redis-launcher" };
        thread.Start();
        return thread;
    });

    public static Task<Process> StartAsync(IEnumerable<string> redisArguments)
    {
        var startInfo = new ProcessStartInfo("setpriv") { UseShellExecute = false };
        foreach (var argument in new[] { "--pdeathsig", "SIGKILL", "--", "redis-server" }.Concat(redisArguments))
        {
            startInfo.ArgumentList.Add(argument);
        }

        var started = new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = LauncherThread.Value;
        Requests.Add((startInfo, started));
        return started.Task;
    }

    private static void LaunchLoop()
    {
        foreach (var (startInfo, started) in Requests.GetConsumingEnumerable())
        {
            try
            {
                started.SetResult(Process.Start(startInfo) ?? throw new InvalidOperationException("redis-server did not start."));
            }
            catch (Exception error)
            {
                started.SetException(error);
            }
        }
    }
}
