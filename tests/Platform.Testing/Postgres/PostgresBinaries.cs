namespace Platform.Testing.Postgres;

/// <summary>Finds the PostgreSQL server binaries the fixture runs.</summary>
internal static class PostgresBinaries
{
    // PLATFORM_PG_BIN lets a developer point at another install (for example a Homebrew one).
    private const string OverrideVariable = "PLATFORM_PG_BIN";
    private const string DebianDirectory = "/usr/lib/postgresql/15/bin";

    public static string Directory
    {
        get
        {
            var directory = Environment.GetEnvironmentVariable(OverrideVariable) is { Length: > 0 } custom
                ? custom
                : DebianDirectory;

            if (!File.Exists(Path.Combine(directory, "postgres")) || !File.Exists(Path.Combine(directory, "initdb")))
            {
                throw new InvalidOperationException(
                    $"PostgreSQL 15 binaries not found in {directory}. Install them with " +
                    "`apt-get install -y postgresql` (or set PLATFORM_PG_BIN to a folder holding initdb and postgres).");
            }

            return directory;
        }
    }

    public static string InitDb => Path.Combine(Directory, "initdb");

    public static string Postgres => Path.Combine(Directory, "postgres");
}
