using Grpc.Net.Client;
using Platform.Budget.Accounting;
using Platform.Budget.V1;
using Platform.Common.V1;
using Platform.Testing.Postgres;
using Platform.Testing.Redis;
using Platform.Testing.Services;

namespace Platform.Budget.Benchmarks;

/// <summary>
/// A throwaway redis-server (AOF everysec, as in production) and PostgreSQL, and one Budget service
/// process (Release) on loopback, with one agent whose limits never bind.
/// </summary>
internal sealed class BenchmarkEnvironment : IAsyncDisposable
{
    public const string FleetId = "bench";
    public const string AgentId = "bench-agent";

    private BenchmarkEnvironment(RedisServer redis, PostgresServer postgres, ServiceProcess service, IReadOnlyList<GrpcChannel> channels)
    {
        Redis = redis;
        Postgres = postgres;
        Service = service;
        Channels = channels;
    }

    public RedisServer Redis { get; }

    public PostgresServer Postgres { get; }

    public ServiceProcess Service { get; }

    public IReadOnlyList<GrpcChannel> Channels { get; }

    public BudgetKeys Keys { get; } = new(FleetId);

    public static async Task<BenchmarkEnvironment> StartAsync(BenchmarkOptions options)
    {
        var redis = await RedisServer.StartAsync(new RedisServerOptions
        {
            ExtraArguments = options.Aof ? ["--appendonly", "yes", "--appendfsync", "everysec"] : [],
        });
        var postgres = await PostgresServer.StartNewAsync();
        var database = await postgres.CreateDatabaseAsync("bench");
        var service = ServiceProcess.Start("Budget", new Dictionary<string, string?>
        {
            ["ConnectionStrings__cache"] = redis.ConnectionString,
            ["ConnectionStrings__platformdb"] = database,
            ["Budget__FleetId"] = FleetId,
            ["Logging__LogLevel__Default"] = "Warning",
        });
        await service.WaitUntilHealthyAsync(timeout: TimeSpan.FromSeconds(120));
        var channels = Enumerable.Range(0, options.Connections).Select(_ => GrpcChannel.ForAddress(service.GrpcEndpoint)).ToList();
        await new BudgetService.BudgetServiceClient(channels[0]).RegisterAgentAsync(new RegisterAgentRequest
        {
            Agent = new Agent
            {
                AgentId = AgentId,
                Tier = Tier.High,
                Limits = new BudgetLimits { HourlyTokenLimit = 900_000_000_000_000, DailyUsdLimitMicros = 900_000_000_000_000 },
            },
        });
        return new BenchmarkEnvironment(redis, postgres, service, channels);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var channel in Channels)
        {
            channel.Dispose();
        }

        await Service.DisposeAsync();
        await Postgres.DisposeAsync();
        await Redis.DisposeAsync();
    }
}
