using Grpc.Net.Client;
using Npgsql;
using Platform.Budget.V1;
using Platform.Common.V1;
using Platform.Testing.Postgres;
using Platform.Testing.Redis;
using Platform.Testing.Services;

namespace Platform.Agents.Tests.Infrastructure;

/// <summary>
/// The real chain the agents service runs against, one per test run: its own redis-server and PostgreSQL,
/// llm-sim in the test process, the budget and routing services as processes, and one agents replica
/// (tests start more when they need them). Tests isolate themselves by agent id.
/// </summary>
public sealed class ChainFixture : IAsyncLifetime
{
    public const string Collection = "agents-chain";

    private readonly List<IAsyncDisposable> _owned = [];
    private ServiceProcess _budget = null!;
    private ServiceProcess _routing = null!;
    private GrpcChannel _budgetChannel = null!;

    public RedisServer Redis { get; private set; } = null!;
    public PostgresServer Postgres { get; private set; } = null!;
    public string Database { get; private set; } = "";
    public Simulator Sim { get; private set; } = null!;
    public AgentsReplica Agents { get; private set; } = null!;
    public BudgetService.BudgetServiceClient Budget { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Redis = await RedisServer.StartAsync();
        _owned.Add(Redis);
        Postgres = await PostgresServer.StartNewAsync();
        _owned.Add(Postgres);
        Database = await Postgres.CreateDatabaseAsync("agents_chain");
        Sim = await Simulator.StartAsync();
        _owned.Add(Sim);
        foreach (var (model, latency) in TestModels.All)
            await Sim.SetLatencyAsync(model, latency);

        _budget = ServiceProcess.Start("Budget", new Dictionary<string, string?>
        {
            ["ConnectionStrings__cache"] = Redis.ConnectionString,
            ["ConnectionStrings__platformdb"] = Pooled(40),
            ["Budget__SweepInterval"] = "00:00:00.500",
            ["Budget__Reallocation__Enabled"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
        });
        _owned.Add(_budget);
        await _budget.WaitUntilHealthyAsync("/health", TimeSpan.FromSeconds(120));
        _budgetChannel = GrpcChannel.ForAddress(_budget.GrpcEndpoint);
        Budget = new BudgetService.BudgetServiceClient(_budgetChannel);

        var routing = new Dictionary<string, string?>
        {
            ["ConnectionStrings__cache"] = Redis.ConnectionString,
            ["ConnectionStrings__platformdb"] = Pooled(40),
            ["services__budget__grpc__0"] = _budget.GrpcEndpoint.ToString(),
            ["services__llm-sim__http__0"] = Sim.Url,
            ["Logging__LogLevel__Default"] = "Warning",
        };
        TestModels.AddTo(routing);
        _routing = ServiceProcess.Start("Routing", routing);
        _owned.Add(_routing);
        await _routing.WaitUntilHealthyAsync("/health", TimeSpan.FromSeconds(120));

        Agents = await StartAgentsAsync();
    }

    /// <summary>Environment of an agents replica wired to this chain (short leases so tests see reclaim quickly).</summary>
    public Dictionary<string, string?> AgentsEnvironment(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var environment = new Dictionary<string, string?>
        {
            ["ConnectionStrings__cache"] = Redis.ConnectionString,
            ["ConnectionStrings__platformdb"] = Pooled(50),
            ["services__budget__grpc__0"] = _budget.GrpcEndpoint.ToString(),
            ["services__routing__grpc__0"] = _routing.GrpcEndpoint.ToString(),
            ["Agents__Queue__LeaseDuration"] = "00:00:05",
            ["Agents__Queue__HeartbeatInterval"] = "00:00:00.500",
            ["Agents__Queue__ReclaimInterval"] = "00:00:01",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
            environment[key] = value;
        return environment;
    }

    public async Task<AgentsReplica> StartAgentsAsync(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var replica = await AgentsReplica.StartAsync(AgentsEnvironment(overrides));
        _owned.Add(replica);
        return replica;
    }

    /// <summary>Registers an agent with the budget service (HIGH tier, generous limits unless given).</summary>
    public async Task RegisterAgentAsync(string agentId, long hourlyTokenLimit = 50_000_000, Tier tier = Tier.High)
    {
        await Budget.RegisterAgentAsync(new RegisterAgentRequest
        {
            Agent = new Agent { AgentId = agentId, Tier = tier, Team = "agents-tests", Limits = new BudgetLimits { HourlyTokenLimit = hourlyTokenLimit } },
        }, deadline: DateTime.UtcNow.AddSeconds(30));
    }

    public NpgsqlDataSource OpenDatabase() => NpgsqlDataSource.Create(Database);

    public string ServiceOutput => $"--- budget ---\n{_budget.RecentOutput}\n--- routing ---\n{_routing.RecentOutput}\n--- agents ---\n{Agents.Process.RecentOutput}";

    public async Task DisposeAsync()
    {
        _budgetChannel?.Dispose();
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            try
            {
                await _owned[i].DisposeAsync();
            }
            catch (Exception)
            {
                // Best effort: the rest must still stop.
            }
        }
    }

    private string Pooled(int size) => new NpgsqlConnectionStringBuilder(Database) { MaxPoolSize = size }.ConnectionString;
}

[CollectionDefinition(ChainFixture.Collection)]
public sealed class ChainCollection : ICollectionFixture<ChainFixture>;
