using Platform.Testing.Postgres;
using Platform.Testing.Redis;

namespace Platform.Routing.Tests.Infrastructure;

/// <summary>
/// The real peers every integration test shares: redis-server, PostgreSQL, llm-sim and the budget service
/// (one of each per test run). Tests isolate themselves with their own model names, agent ids, Redis
/// key prefixes and event streams.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    public const string Collection = "platform";

    public string RedisConnectionString { get; private set; } = "";
    public string PostgresConnectionString { get; private set; } = "";
    public Simulator Simulator { get; private set; } = null!;
    public BudgetServer Budget { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var redis = await SharedRedisServer.GetAsync();
        RedisConnectionString = redis.ConnectionString;
        var postgres = await SharedPostgresServer.GetAsync();
        PostgresConnectionString = await postgres.CreateDatabaseAsync("routing");
        Simulator = await Simulator.StartAsync();
        Budget = await BudgetServer.StartAsync(RedisConnectionString, PostgresConnectionString);
    }

    public async Task DisposeAsync()
    {
        await Budget.DisposeAsync();
        await Simulator.DisposeAsync();
    }

    /// <summary>Settings for a routing replica wired to these peers, with a private key prefix and event stream.</summary>
    public Dictionary<string, string?> RoutingSettings(string scope) => new()
    {
        ["ConnectionStrings:cache"] = RedisConnectionString,
        ["ConnectionStrings:platformdb"] = PostgresConnectionString,
        ["services:budget:grpc:0"] = Budget.GrpcEndpoint.ToString(),
        ["services:llm-sim:http:0"] = Simulator.BaseUrl,
        ["Routing:Limits:KeyPrefix"] = "rt-" + scope,
        ["Routing:EventStream"] = "metrics:calls:" + scope,
    };
}

[CollectionDefinition(PlatformFixture.Collection)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>;
