using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Platform.Hosting.Local;

/// <summary>How <c>dotnet run --project AppHost</c> behaves; every value can be set as <c>AppHost:*</c> configuration.</summary>
internal sealed record LocalRunOptions
{
    /// <summary>Redis and PostgreSQL data, generated secrets, pid list. Default: <c>{repo}/.state/{apphost}</c>.</summary>
    public required string StateDirectory { get; init; }

    /// <summary>Friendly fixed ports (grpc 5101.., http 5201.., redis 6379, postgres 5432) when free; otherwise any free port.</summary>
    public bool PreferDefaultPorts { get; init; } = true;

    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromMinutes(3);

    public TimeSpan StopGracePeriod { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Install redis-server/postgresql with apt-get when missing (root on Debian only).</summary>
    public bool InstallMissingBinaries { get; init; } = true;

    /// <summary>A specific <c>redis-server</c> instead of the one on PATH.</summary>
    public string? RedisServerPath { get; init; }

    /// <summary>A specific PostgreSQL <c>bin</c> folder instead of the newest <c>/usr/lib/postgresql/*/bin</c>.</summary>
    public string? PostgresBinDirectory { get; init; }

    public TextWriter Output { get; init; } = Console.Out;

    public bool UseColor { get; init; }

    public static LocalRunOptions From(IConfiguration configuration, string appHostDirectory, string applicationName, TextWriter? output) => new()
    {
        Output = output ?? Console.Out,
        StateDirectory = Path.GetFullPath(configuration["AppHost:StateDirectory"] ?? DefaultStateDirectory(appHostDirectory, applicationName)),
        PreferDefaultPorts = configuration.GetValue("AppHost:DefaultPorts", true),
        StartupTimeout = TimeSpan.FromSeconds(configuration.GetValue("AppHost:StartupTimeoutSeconds", 180.0)),
        StopGracePeriod = TimeSpan.FromSeconds(configuration.GetValue("AppHost:StopTimeoutSeconds", 10.0)),
        InstallMissingBinaries = configuration.GetValue("AppHost:InstallMissing", true),
        RedisServerPath = configuration["AppHost:RedisServer"],
        PostgresBinDirectory = configuration["AppHost:PostgresBin"],
        UseColor = output is null && !Console.IsOutputRedirected && string.IsNullOrEmpty(System.Environment.GetEnvironmentVariable("NO_COLOR"))
            && System.Environment.GetEnvironmentVariable("TERM") is not (null or "dumb"),
    };

    /// <summary>The repository's <c>.state/</c> (gitignored), one folder per AppHost so two hosts never share a data directory.</summary>
    private static string DefaultStateDirectory(string appHostDirectory, string applicationName)
    {
        var folder = applicationName.ToLower(CultureInfo.InvariantCulture);
        for (var dir = new DirectoryInfo(appHostDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, ".git")) || File.Exists(Path.Combine(dir.FullName, ".git")))
            {
                return Path.Combine(dir.FullName, ".state", folder);
            }
        }

        return Path.Combine(appHostDirectory, ".state", folder);
    }
}
