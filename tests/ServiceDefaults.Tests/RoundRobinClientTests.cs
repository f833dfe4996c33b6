using Grpc.Health.V1;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Testing.Postgres;
using Platform.Testing.Redis;
using Platform.Testing.Services;

namespace ServiceDefaults.Tests;

/// <summary>A typed client registered by service name spreads calls over replicas and survives losing one.</summary>
public sealed class RoundRobinClientTests : IAsyncLifetime
{
    private ServiceProcess _first = null!;
    private ServiceProcess _second = null!;

    public async Task InitializeAsync()
    {
        var redis = await SharedRedisServer.GetAsync();
        var database = await (await SharedPostgresServer.GetAsync()).CreateDatabaseAsync("roundrobin");
        var environment = new Dictionary<string, string?>
        {
            ["ConnectionStrings__cache"] = redis.ConnectionString,
            ["ConnectionStrings__platformdb"] = database,
        };
        _first = ServiceProcess.Start("Metrics", environment);
        _second = ServiceProcess.Start("Metrics", environment);
        await Task.WhenAll(_first.WaitUntilHealthyAsync(), _second.WaitUntilHealthyAsync());
    }

    [Fact]
    public async Task Idempotent_calls_keep_succeeding_when_a_replica_dies()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["services:metrics:grpc:0"] = _first.GrpcEndpoint.ToString(),
            // A bare host:port, as some manifest-to-Kubernetes tools emit.
            ["services:metrics:grpc:1"] = $"{_second.GrpcEndpoint.Host}:{_second.GrpcEndpoint.Port}",
        }).Build();
        await using var provider = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddGrpcClient<Health.HealthClient>("metrics")
            .BuildServiceProvider();
        var client = provider.GetRequiredService<Health.HealthClient>();

        for (var i = 0; i < 20; i++)
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await client.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(20))).Status);

        _first.Kill();

        for (var i = 0; i < 20; i++)
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await client.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(20))).Status);
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
    }
}
