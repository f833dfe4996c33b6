using Google.Protobuf.WellKnownTypes;
using Grpc.Net.Client;
using Platform.Budget.V1;
using Platform.Common.V1;
using Platform.Testing.Services;

namespace Platform.Routing.Tests.Infrastructure;

/// <summary>The real budget service, started as a process from its build output, and a client to set up agents and read usage.</summary>
public sealed class BudgetServer : IAsyncDisposable
{
    private readonly ServiceProcess _process;
    private readonly GrpcChannel _channel;

    private BudgetServer(ServiceProcess process)
    {
        _process = process;
        _channel = GrpcChannel.ForAddress(process.GrpcEndpoint);
        Client = new BudgetService.BudgetServiceClient(_channel);
    }

    public Uri GrpcEndpoint => _process.GrpcEndpoint;

    public BudgetService.BudgetServiceClient Client { get; }

    public string RecentOutput => _process.RecentOutput;

    public static async Task<BudgetServer> StartAsync(string redis, string postgres)
    {
        var process = ServiceProcess.Start("Budget", new Dictionary<string, string?>
        {
            ["ConnectionStrings__cache"] = redis,
            ["ConnectionStrings__platformdb"] = postgres,
            ["Budget__FleetId"] = "routing-tests-" + Guid.NewGuid().ToString("N")[..8],
            ["Logging__LogLevel__Default"] = "Warning",
        });
        try
        {
            await process.WaitUntilHealthyAsync("/health", TimeSpan.FromSeconds(90));
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
        return new BudgetServer(process);
    }

    /// <summary>Registers an agent with an hourly token limit (and optionally a daily USD limit).</summary>
    public async Task RegisterAgentAsync(string agentId, Tier tier, long hourlyTokenLimit, long? dailyUsdLimitMicros = null, string team = "routing-tests")
    {
        var limits = new BudgetLimits { HourlyTokenLimit = hourlyTokenLimit };
        if (dailyUsdLimitMicros is { } usd)
            limits.DailyUsdLimitMicros = usd;
        await Client.RegisterAgentAsync(new RegisterAgentRequest
        {
            Agent = new Agent { AgentId = agentId, Tier = tier, Limits = limits, Team = team },
        }, deadline: DateTime.UtcNow.AddSeconds(30));
    }

    public async Task<AgentUsage> UsageAsync(string agentId)
    {
        var report = await Client.GetUsageReportAsync(new GetUsageReportRequest { AgentIds = { agentId } }, deadline: DateTime.UtcNow.AddSeconds(30));
        return report.Agents.Single(a => a.AgentId == agentId);
    }

    public async Task<IReadOnlyList<LedgerEntry>> LedgerAsync(string agentId)
    {
        var response = await Client.ListLedgerEntriesAsync(new ListLedgerEntriesRequest { AgentId = agentId, PageSize = 1000 }, deadline: DateTime.UtcNow.AddSeconds(30));
        return response.Entries;
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await _process.DisposeAsync();
    }
}
