namespace Platform.Hosting.Tests.Support;

internal static class ProcessChecks
{
    /// <summary>Alive and not a zombie (a killed child waits for its parent to reap it; it is dead all the same).</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Polls (bounded) until every process is gone; returns the survivors.</summary>
    public static async Task<IReadOnlyList<int>> WaitUntilAllExitedAsync(IEnumerable<int> pids, TimeSpan limit)
    {
        var remaining = pids.ToList();
        var deadline = DateTime.UtcNow + limit;
        while (remaining.Count > 0 && DateTime.UtcNow < deadline)
        {
            remaining = remaining.Where(IsAlive).ToList();
            if (remaining.Count > 0)
            {
                await Task.Delay(200);
            }
        }

        return remaining.Where(IsAlive).ToList();
    }

    /// <summary>The <c>{state}/pids</c> file: "pid name" per line.</summary>
    public static IReadOnlyDictionary<string, int> ReadPidFile(string stateDirectory) =>
        File.ReadAllLines(Path.Combine(stateDirectory, "pids"))
            .Where(l => l.Length > 0)
            .Select(l => l.Split(' ', 2))
            .ToDictionary(p => p[1], p => int.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture));
}
