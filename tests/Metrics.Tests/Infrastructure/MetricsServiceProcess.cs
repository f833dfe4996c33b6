using Grpc.Net.Client;
using Platform.Testing.Services;
using Client = Platform.Metrics.V1.MetricsService.MetricsServiceClient;

namespace Platform.Metrics.Tests.Infrastructure;

/// <summary>The metrics service as a real process (as the AppHost runs it), with a gRPC client and an HTTP client.</summary>
public sealed class MetricsServiceProcess : IAsyncDisposable
{
    private readonly GrpcChannel _channel;

    private MetricsServiceProcess(ServiceProcess process)
    {
        Process = process;
        _channel = GrpcChannel.ForAddress(process.GrpcEndpoint);
        Client = new Client(_channel);
        Http = new HttpClient { BaseAddress = process.HttpEndpoint, Timeout = TimeSpan.FromSeconds(30) };
    }

    public ServiceProcess Process { get; }
    public Client Client { get; }
    public HttpClient Http { get; }

    public static async Task<MetricsServiceProcess> StartAsync(string redis, string postgres, IReadOnlyDictionary<string, string?> settings)
    {
        var environment = new Dictionary<string, string?>
        {
            ["ConnectionStrings__cache"] = redis,
            ["ConnectionStrings__platformdb"] = postgres,
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in settings)
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;

        var process = ServiceProcess.Start("Metrics", environment);
        try
        {
            await process.WaitUntilHealthyAsync(timeout: TimeSpan.FromMinutes(2));
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }

        return new MetricsServiceProcess(process);
    }

    /// <summary>Hard kill, as a crashed node dies: no shutdown, in-flight batches lost mid-transaction.</summary>
    public void Kill() => Process.Kill();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        _channel.Dispose();
        await Process.DisposeAsync();
    }
}
