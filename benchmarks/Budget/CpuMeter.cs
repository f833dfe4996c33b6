using System.Diagnostics;
using System.Globalization;

namespace Platform.Budget.Benchmarks;

/// <summary>CPU time (user + system) consumed by a process, from /proc, so cost per pair can be compared on a busy machine.</summary>
internal static class CpuMeter
{
    private static readonly double TicksPerSecond = ReadClockTicks();

    public static TimeSpan Of(int? pid)
    {
        if (pid is null || !File.Exists($"/proc/{pid}/stat"))
        {
            return TimeSpan.Zero;
        }

        // Fields after the "(comm)" part: state is field 3; utime and stime are fields 14 and 15.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    public static TimeSpan Self() => Process.GetCurrentProcess().TotalProcessorTime;

    private static double ReadClockTicks()
    {
        try
        {
            using var getconf = Process.Start(new ProcessStartInfo("getconf", "CLK_TCK") { RedirectStandardOutput = true })!;
            return double.Parse(getconf.StandardOutput.ReadToEnd().Trim(), CultureInfo.InvariantCulture);
        }
        catch (Exception)
        {
            return 100;
        }
    }
}
