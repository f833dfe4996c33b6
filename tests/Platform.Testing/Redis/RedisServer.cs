using System.Diagnostics;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Platform.Testing.Redis;

/// <summary>
/// A real redis-server on a free loopback port, without persistence, in its own temporary folder.
/// Can be killed and restarted on the same port (for reconnection tests). Disposing kills it.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly RedisServerOptions _options;
    private readonly string _directory;
    private Process? _process;

    private RedisServer(int port, RedisServerOptions options, string directory)
    {
        Port = port;
        _options = options;
        _directory = directory;
    }

    public int Port { get; }

    public string? Password => _options.Password;

    /// <summary>In the form Aspire gives services: <c>127.0.0.1:port[,password=...][,ssl=true]</c>.</summary>
    public string ConnectionString =>
        $"127.0.0.1:{Port}" + (Password is null ? string.Empty : $",password={Password}") + (_options.Tls ? ",ssl=true" : string.Empty);

    /// <summary>The self-signed certificate the server presents when started with TLS (clients must trust it explicitly).</summary>
    public X509Certificate2? TlsCertificate { get; private set; }

    public int? ProcessId => _process is { HasExited: false } process ? process.Id : null;

    public static async Task<RedisServer> StartAsync(RedisServerOptions? options = null)
    {
        var directory = Directory.CreateTempSubdirectory("redis-test-").FullName;
        var server = new RedisServer(FreePort.Next(), options ?? new RedisServerOptions(), directory);
        try
        {
            await server.LaunchAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>SIGKILLs the server (no clean shutdown) and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (_process is { } process)
        {
            if (!process.HasExited)
            {
                process.Kill(); // SIGKILL works on a stopped process too
            }

            await process.WaitForExitAsync();
            process.Dispose();
            _process = null;
        }
    }

    /// <summary>Starts the server again on the same port (kills it first if it still runs). Data is not kept.</summary>
    public async Task RestartAsync()
    {
        await KillAsync();
        await LaunchAsync();
    }

    /// <summary>
    /// Stops (SIGSTOP) or resumes (SIGCONT) the server process. While stopped, the kernel keeps its
    /// sockets open but nothing answers: what a client sees of a peer that vanished without closing.
    /// </summary>
    public async Task SignalAsync(bool freeze)
    {
        var process = _process ?? throw new InvalidOperationException("The server is not running.");
        using var kill = Process.Start("kill", [freeze ? "-STOP" : "-CONT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])
            ?? throw new InvalidOperationException("kill did not start.");
        await kill.WaitForExitAsync();
    }

    /// <summary>Runs redis-cli against this server and returns its output (for pausing, inspecting, etc.).</summary>
    public async Task<string> CliAsync(params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("redis-cli") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        startInfo.ArgumentList.Add("-p");
        startInfo.ArgumentList.Add(Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        startInfo.ArgumentList.Add("--no-auth-warning");
        if (_options.Tls)
        {
            startInfo.ArgumentList.Add("--tls");
            startInfo.ArgumentList.Add("--cacert");
            startInfo.ArgumentList.Add(Path.Combine(_directory, "cert.pem"));
        }

        if (Password is not null)
        {
            startInfo.ArgumentList.Add("-a");
            startInfo.ArgumentList.Add(Password);
        }

        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("redis-cli did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(deadline.Token);
        return (await output + await error).Trim();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private async Task LaunchAsync()
    {
        var port = Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var arguments = new List<string>
        {
            "--port", _options.Tls ? "0" : port,
            "--bind", "127.0.0.1",
            "--save", string.Empty,
            "--appendonly", "no",
            "--dir", _directory,
            "--logfile", Path.Combine(_directory, "redis.log"),
            "--enable-debug-command", "local",
        };
        if (Password is not null)
        {
            arguments.AddRange(["--requirepass", Password]);
        }

        if (_options.Tls)
        {
            var certificate = Path.Combine(_directory, "cert.pem");
            var key = Path.Combine(_directory, "key.pem");
            TlsCertificate ??= TestCertificate.CreatePemFiles(certificate, key);
            arguments.AddRange(["--tls-port", port, "--tls-cert-file", certificate, "--tls-key-file", key,
                "--tls-ca-cert-file", certificate, "--tls-auth-clients", "no"]);
        }

        arguments.AddRange(_options.ExtraArguments);
        _process = await RedisProcessLauncher.StartAsync(arguments);
        await WaitUntilAnsweringAsync();
    }

    // Any RESP reply to PING (PONG, or NOAUTH when a password is required) means the server is serving.
    private async Task WaitUntilAnsweringAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process is null || _process.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited during start-up. Log:\n{ReadLog()}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port);
                Stream stream = client.GetStream();
                if (_options.Tls)
                {
                    var tls = new SslStream(stream, leaveInnerStreamOpen: false, (_, _, _, _) => true);
                    await tls.AuthenticateAsClientAsync("localhost");
                    stream = tls;
                }

                await stream.WriteAsync("PING\r\n"u8.ToArray());
                var buffer = new byte[64];
                var read = await stream.ReadAsync(buffer);
                if (read > 0 && buffer[0] is (byte)'+' or (byte)'-')
                {
                    return;
                }
            }
            catch (SocketException)
            {
                // Not listening yet.
            }
            catch (IOException)
            {
                // Closed while starting.
            }
            catch (System.Security.Authentication.AuthenticationException)
            {
                // TLS not ready yet.
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"redis-server on port {Port} did not answer within {StartTimeout}. Log:\n{ReadLog()}");
    }

    private string ReadLog()
    {
        var log = Path.Combine(_directory, "redis.log");
        return File.Exists(log) ? File.ReadAllText(log, Encoding.UTF8) : "(no log)";
    }
}
