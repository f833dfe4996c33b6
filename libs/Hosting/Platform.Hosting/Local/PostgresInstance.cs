using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using Platform.Hosting.ApplicationModel;

namespace Platform.Hosting.Local;

/// <summary>
/// The machine's PostgreSQL: <c>initdb</c> on first run, then <c>postgres</c> on loopback, both as the
/// <c>postgres</c> system user when we are root (PostgreSQL refuses root). Data stays in the state folder.
/// The password is (re)applied at every start over the private Unix socket, so the parameter is always the truth.
/// </summary>
internal sealed class PostgresInstance(PostgresServerResource postgres, LocalContext context)
    : ProcessResourceInstance(postgres, 0, 1, context)
{
    private const string SystemUser = "postgres";
    private bool _passwordApplied;

    private int Port => Context.Endpoints.PortOf(postgres, PostgresServerResource.EndpointName);

    private string DataDirectory => Context.StatePath(postgres.Name, "data");

    /// <summary>Unix socket paths are limited to 107 bytes; a deep state folder falls back to a short folder in /tmp.</summary>
    private string SocketDirectory
    {
        get
        {
            var preferred = Context.StatePath(postgres.Name, "run");
            return preferred.Length + ".s.PGSQL.65535".Length + 1 < 100
                ? preferred
                : Path.Combine(Path.GetTempPath(), "platform-pg-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(preferred)))[..12]);
        }
    }

    public override IReadOnlyDictionary<string, Uri> Endpoints => Context.Endpoints.UrlsOf(postgres, 0);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await PrepareDirectoriesAsync(cancellationToken).ConfigureAwait(false);
        if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
        {
            await InitDbAsync(cancellationToken).ConfigureAwait(false);
        }

        _passwordApplied = false;
        await StartProcessAsync(new ProcessSpec(Context.Binaries.PostgresTool("postgres"),
        [
            "-D", DataDirectory,
            "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-c", $"listen_addresses={LocalEndpoints.Host}",
            "-c", $"unix_socket_directories={SocketDirectory}",
            "-c", "unix_socket_permissions=0700",
            "-c", "max_connections=200",
        ])
        {
            WorkingDirectory = DataDirectory,
            RunAsUser = SystemUser,

            // SIGINT is PostgreSQL's "fast" shutdown; SIGTERM ("smart") would wait for every client to leave.
            StopSignal = Signals.SIGINT,
        }).ConfigureAwait(false);
    }

    public override async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        if (!_passwordApplied)
        {
            await ApplyPasswordAsync(cancellationToken).ConfigureAwait(false);
            _passwordApplied = true;
        }

        await using var connection = new NpgsqlConnection(PostgresConnections.Tcp(Context, postgres, "postgres"));
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT 1", connection);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is 1;
    }

    private async Task ApplyPasswordAsync(CancellationToken cancellationToken)
    {
        var socket = new NpgsqlConnectionStringBuilder
        {
            Host = SocketDirectory,
            Port = Port,
            Username = postgres.UserName,
            Database = "postgres",
            Pooling = false,
            Timeout = 5,
        };
        await using var connection = new NpgsqlConnection(socket.ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        var password = Context.Values.ParameterValue(postgres.Password).Replace("'", "''");
        await using var command = new NpgsqlCommand($"ALTER ROLE \"{postgres.UserName}\" WITH PASSWORD '{password}'", connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task PrepareDirectoriesAsync(CancellationToken cancellationToken)
    {
        foreach (var directory in new[] { DataDirectory, SocketDirectory })
        {
            PrivateFiles.CreateDirectory(directory);
        }

        if (Signals.IsRoot)
        {
            EnsureSystemUserCanReach(Context.StatePath(postgres.Name));
            await RunToolAsync("chown", ["-R", $"{SystemUser}:{SystemUser}", DataDirectory, SocketDirectory], asRoot: true, cancellationToken)
                .ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The server runs as the postgres user, who must traverse every folder above its data. Folders of the state
    /// directory are opened for traversal (o+x, never read); a folder above it that blocks is reported.
    /// </summary>
    [SupportedOSPlatform("linux")]
    private void EnsureSystemUserCanReach(string directory)
    {
        var stateRoot = new DirectoryInfo(Context.Options.StateDirectory).FullName;
        for (var dir = new DirectoryInfo(directory); dir is not null; dir = dir.Parent)
        {
            var mode = File.GetUnixFileMode(dir.FullName);
            if (mode.HasFlag(UnixFileMode.OtherExecute))
            {
                continue;
            }

            if (dir.FullName.StartsWith(stateRoot, StringComparison.Ordinal))
            {
                File.SetUnixFileMode(dir.FullName, mode | UnixFileMode.OtherExecute);
            }
            else
            {
                throw new ResourceStartException(this,
                    $"the '{SystemUser}' system user cannot enter {dir.FullName}; choose a state folder it can reach with --state-dir <path>", []);
            }
        }
    }

    private Task InitDbAsync(CancellationToken cancellationToken)
    {
        Context.Reporter.Info($"{postgres.Name}: creating a new cluster in {DataDirectory}");

        // Host connections need the password; the Unix socket sits in a 0700 folder only its owner (and root) can open.
        return RunToolAsync(Context.Binaries.PostgresTool("initdb"),
        [
            "-D", DataDirectory,
            "-U", postgres.UserName,
            "--auth-host=scram-sha-256",
            "--auth-local=trust",
            "--encoding=UTF8",
            "--no-locale",
        ], asRoot: false, cancellationToken);
    }

    private async Task RunToolAsync(string tool, IReadOnlyList<string> arguments, bool asRoot, CancellationToken cancellationToken)
    {
        var spec = new ProcessSpec(tool, arguments)
        {
            WorkingDirectory = Context.StatePath(postgres.Name),
            RunAsUser = asRoot ? null : SystemUser,
        };
        var process = await ChildProcess.StartAsync(Context.Launcher, spec, line => Context.Reporter.Log(this, line)).ConfigureAwait(false);
        var exitCode = await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (exitCode != 0)
        {
            throw new ResourceStartException(this, $"{Path.GetFileName(tool)} exited with code {exitCode}", process.RecentLines.Snapshot());
        }
    }
}
