using Platform.Hosting.ApplicationModel;

namespace Platform.Hosting.Local;

/// <summary>
/// The servers a local run uses come from the machine: <c>redis-server</c> and PostgreSQL's
/// <c>/usr/lib/postgresql/{version}/bin</c>. When missing, root on Debian installs them with apt-get;
/// anyone else is told the exact command.
/// </summary>
internal sealed class MachineBinaries
{
    private const string InstallHint = "sudo apt-get update && sudo apt-get install -y";

    private string? _redisServer;
    private string? _postgresBin;

    public string RedisServer => _redisServer ?? throw new InvalidOperationException("redis-server was not looked up.");

    public string PostgresTool(string tool) =>
        Path.Combine(_postgresBin ?? throw new InvalidOperationException("PostgreSQL was not looked up."), tool);

    public static async Task<MachineBinaries> EnsureAsync(
        DistributedApplicationModel model, LocalRunOptions options, ProcessLauncher launcher, ConsoleReporter reporter, CancellationToken cancellationToken)
    {
        var needRedis = model.OfType<RedisResource>().Any();
        var needPostgres = model.OfType<PostgresServerResource>().Any();
        var binaries = Find(options);
        var missing = new List<string>();
        if (needRedis && binaries._redisServer is null)
        {
            missing.Add("redis-server");
        }

        if (needPostgres && binaries._postgresBin is null)
        {
            missing.Add("postgresql");
        }

        if (missing.Count == 0)
        {
            return binaries;
        }

        if (!options.InstallMissingBinaries || !CanInstallWithApt())
        {
            throw new DistributedApplicationException(
                $"Missing on this machine: {string.Join(", ", missing)}. Install with:{System.Environment.NewLine}  {InstallHint} {string.Join(' ', missing)}");
        }

        await AptInstallAsync(missing, launcher, reporter, cancellationToken).ConfigureAwait(false);
        binaries = Find(options);
        if ((needRedis && binaries._redisServer is null) || (needPostgres && binaries._postgresBin is null))
        {
            throw new DistributedApplicationException($"apt-get finished but {string.Join(", ", missing)} is still not found.");
        }

        return binaries;
    }

    private static MachineBinaries Find(LocalRunOptions options) => new()
    {
        _redisServer = options.RedisServerPath is { } redis ? (File.Exists(redis) ? redis : null) : FindRedisServer(),
        _postgresBin = options.PostgresBinDirectory is { } bin
            ? (File.Exists(Path.Combine(bin, "postgres")) && File.Exists(Path.Combine(bin, "initdb")) ? bin : null)
            : FindPostgresBin(),
    };

    private static string? FindRedisServer() =>
        (System.Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/usr/local/bin")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/usr/bin")
            .Select(dir => Path.Combine(dir, "redis-server"))
            .FirstOrDefault(File.Exists);

    /// <summary>The newest installed major version.</summary>
    private static string? FindPostgresBin()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
        {
            return null;
        }

        return Directory.GetDirectories(root)
            .Select(dir => (Dir: dir, Version: int.TryParse(Path.GetFileName(dir), out var v) ? v : -1))
            .Where(x => x.Version >= 0 && File.Exists(Path.Combine(x.Dir, "bin", "postgres")) && File.Exists(Path.Combine(x.Dir, "bin", "initdb")))
            .OrderByDescending(x => x.Version)
            .Select(x => Path.Combine(x.Dir, "bin"))
            .FirstOrDefault();
    }

    private static bool CanInstallWithApt() =>
        Signals.IsRoot && File.Exists("/etc/debian_version") && File.Exists("/usr/bin/apt-get");

    private static async Task AptInstallAsync(List<string> packages, ProcessLauncher launcher, ConsoleReporter reporter, CancellationToken cancellationToken)
    {
        var environment = new Dictionary<string, string?> { ["DEBIAN_FRONTEND"] = "noninteractive" };
        foreach (var arguments in new[] { new[] { "update" }, ["install", "-y", "--no-install-recommends", .. packages] })
        {
            reporter.Info($"apt-get {string.Join(' ', arguments)}");
            var apt = await ChildProcess.StartAsync(launcher, new ProcessSpec("/usr/bin/apt-get", arguments) { Environment = environment },
                line => reporter.Info($"apt: {line}")).ConfigureAwait(false);
            var exitCode = await apt.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            if (exitCode != 0)
            {
                throw new DistributedApplicationException(
                    $"apt-get {arguments[0]} failed with exit code {exitCode}. Run it yourself:{System.Environment.NewLine}  {InstallHint} {string.Join(' ', packages)}");
            }
        }
    }
}
