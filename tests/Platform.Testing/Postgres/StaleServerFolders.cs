namespace Platform.Testing.Postgres;

/// <summary>
/// Removes data folders that test processes killed outright (no chance to clean up) left in the temp
/// directory. Only folders whose server is not running and that nobody has touched for an hour, so a
/// parallel test run's folders are never at risk.
/// </summary>
internal static class StaleServerFolders
{
    public const string Prefix = "platform-pg-";

    private static readonly TimeSpan MinimumAge = TimeSpan.FromHours(1);

    public static void Remove()
    {
        try
        {
            foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), Prefix + "*"))
            {
                if (IsStale(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Best effort: a folder we cannot remove now costs disk space, not correctness.
        }
    }

    private static bool IsStale(string folder)
    {
        if (DateTime.UtcNow - Directory.GetLastWriteTimeUtc(folder) < MinimumAge)
        {
            return false;
        }

        // The first line of postmaster.pid is the server's PID; the file exists while it runs.
        var pidFile = Path.Combine(folder, "data", "postmaster.pid");
        return !File.Exists(pidFile)
            || !int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid)
            || !Directory.Exists($"/proc/{pid}");
    }
}
