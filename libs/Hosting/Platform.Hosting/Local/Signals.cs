using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace Platform.Hosting.Local;

/// <summary>POSIX signals and identity, straight from libc: .NET can only kill a process, not signal a process group.</summary>
internal static class Signals
{
    public const int SIGINT = 2;
    public const int SIGKILL = 9;
    public const int SIGTERM = 15;

    [SupportedOSPlatformGuard("linux")]
    public static bool IsRoot => OperatingSystem.IsLinux() && geteuid() == 0;

    /// <summary>Signals a process (<paramref name="pid"/> &gt; 0) or a whole process group (negative id).</summary>
    public static bool Send(int pid, int signal) => kill(pid, signal) == 0;

    public static bool IsAlive(int pid)
    {
        if (kill(pid, 0) != 0)
        {
            return false;
        }

        // A zombie is dead, it only waits for its parent to read its exit status.
        var stat = $"/proc/{pid}/stat";
        try
        {
            var text = File.ReadAllText(stat);
            var afterName = text.LastIndexOf(')');
            return afterName < 0 || afterName + 2 >= text.Length || text[afterName + 2] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);

    /// <summary>Changes when the parent dies (the orphan is adopted by init or a subreaper).</summary>
    public static int ParentProcessId => OperatingSystem.IsWindows() ? 0 : getppid();

    [DllImport("libc")]
    private static extern uint geteuid();

    [DllImport("libc")]
    private static extern int getppid();
}
