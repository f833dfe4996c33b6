using Grpc.Net.Client;
using Platform.Agents.V1;
using Platform.Testing.Services;

namespace Platform.Agents.Tests.Infrastructure;

/// <summary>One agents service replica: a real process from the service's build output, and a client of it.</summary>
public sealed class AgentsReplica : IAsyncDisposable
{
    private readonly GrpcChannel _channel;

    private AgentsReplica(ServiceProcess process)
    {
        Process = process;
        _channel = GrpcChannel.ForAddress(process.GrpcEndpoint);
        Client = new AgentService.AgentServiceClient(_channel);
    }

    public ServiceProcess Process { get; }

    public AgentService.AgentServiceClient Client { get; }

    public static async Task<AgentsReplica> StartAsync(IReadOnlyDictionary<string, string?> environment)
    {
        var process = ServiceProcess.Start("Agents", environment);
        try
        {
            await process.WaitUntilHealthyAsync("/health", TimeSpan.FromSeconds(120));
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
        return new AgentsReplica(process);
    }

    /// <summary>Hard kill (SIGKILL), as a crashed node dies: no hand-off, no cleanup.</summary>
    public void Kill() => Process.Kill();

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await Process.DisposeAsync();
    }
}
