using Platform.Hosting.ApplicationModel;

namespace Platform.Hosting.Local;

/// <summary>
/// The machine's <c>redis-server</c>, bound to loopback, with its data (append-only file on) in the state folder.
/// The password goes into a 0600 config file rather than the command line, where <c>ps</c> would show it.
/// </summary>
internal sealed class RedisInstance(RedisResource redis, LocalContext context) : ProcessResourceInstance(redis, 0, 1, context)
{
    private int Port => Context.Endpoints.PortOf(redis, RedisResource.EndpointName);

    private string Password => Context.Values.ParameterValue(redis.Password);

    public override IReadOnlyDictionary<string, Uri> Endpoints => Context.Endpoints.UrlsOf(redis, 0);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var dataDirectory = Context.StatePath(redis.Name);
        Directory.CreateDirectory(dataDirectory);
        var configFile = Path.Combine(dataDirectory, "redis.conf");
        await WriteConfigAsync(configFile, dataDirectory, cancellationToken).ConfigureAwait(false);
        await StartProcessAsync(new ProcessSpec(Context.Binaries.RedisServer, [configFile])
        {
            WorkingDirectory = dataDirectory,
            StopSignal = Signals.SIGTERM,
        }).ConfigureAwait(false);
    }

    public override Task<bool> IsHealthyAsync(CancellationToken cancellationToken) =>
        RedisPing.PingAsync(Port, Password, cancellationToken);

    private async Task WriteConfigAsync(string path, string dataDirectory, CancellationToken cancellationToken)
    {
        string[] lines =
        [
            "# Written by the AppHost on every start; edits are overwritten.",
            $"port {Port}",
            $"bind {LocalEndpoints.Host}",
            "protected-mode yes",
            "daemonize no",
            "logfile \"\"",
            $"dir {Quote(dataDirectory)}",
            "appendonly yes",
            "appendfsync everysec",
            "save \"\"",
            $"requirepass {Quote(Password)}",
        ];
        await using var file = PrivateFiles.Create(path);
        await using var writer = new StreamWriter(file);
        foreach (var line in lines)
        {
            await writer.WriteLineAsync(line.AsMemory(), cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
