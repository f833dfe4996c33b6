using System.Diagnostics;
using Platform.Hosting.Local;
using Platform.Hosting.Tests.Support;

namespace Platform.Hosting.Tests.Local;

/// <summary>
/// PR_SET_PDEATHSIG fires when the thread that forked the child exits, not the process. These tests show
/// the hazard is real and that the launcher's dedicated thread avoids it while still tying children to it.
/// </summary>
public sealed class ProcessLauncherTests
{
    [Fact]
    public async Task A_child_forked_by_a_short_lived_thread_with_a_death_signal_dies_with_that_thread()
    {
        var pid = 0;
        var thread = new Thread(() =>
        {
            var process = Process.Start(new ProcessStartInfo("setpriv", ["--pdeathsig", "SIGKILL", "--", "sleep", "60"]))!;
            pid = process.Id;
        });
        thread.Start();
        thread.Join();

        Assert.Empty(await ProcessChecks.WaitUntilAllExitedAsync([pid], TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task Children_outlive_the_thread_that_asked_for_them_and_die_with_the_launcher()
    {
        var launcher = new ProcessLauncher();
        ChildProcess? child = null;
        var caller = new Thread(() => child = ChildProcess.StartAsync(launcher, new ProcessSpec("sleep", ["60"]), _ => { }).GetAwaiter().GetResult());
        caller.Start();
        caller.Join();

        // The caller thread is gone; give a death signal time to land if it were tied to that thread.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.True(ProcessChecks.IsAlive(child!.Pid), "the child died with the thread that requested it");

        launcher.Dispose();

        Assert.Empty(await ProcessChecks.WaitUntilAllExitedAsync([child.Pid], TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task Children_run_in_their_own_process_group_so_a_terminals_ctrl_c_reaches_only_the_AppHost()
    {
        using var launcher = new ProcessLauncher();
        var child = await ChildProcess.StartAsync(launcher, new ProcessSpec("sleep", ["60"]), _ => { });

        var stat = File.ReadAllText($"/proc/{child.Pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');

        Assert.Equal(child.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture), fields[2]);
        await child.StopAsync(TimeSpan.FromSeconds(10));
        Assert.False(ProcessChecks.IsAlive(child.Pid));
    }
}
