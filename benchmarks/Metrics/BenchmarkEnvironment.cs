using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Testing.Postgres;
using Platform.Testing.Redis;

namespace Platform.Metrics.Benchmarks;

/// <summary>A throwaway redis-server and PostgreSQL 15 (same settings as the tests) and the engine in-process.</summary>
internal sealed class BenchmarkEnvironment : IAsyncDisposable
{
    private BenchmarkEnvironment(RedisServer redis, PostgresServer postgres, string database)
    {
        Redis = redis;
        Postgres = postgres;
        DatabaseConnectionString = database;
    }

    public RedisServer Redis { get; }
    public PostgresServer Postgres { get; }
    public string DatabaseConnectionString { get; }

    public static async Task<BenchmarkEnvironment> StartAsync()
    {
        var redis = await RedisServer.StartAsync();
        var postgres = await PostgresServer.StartNewAsync();
        var database = await postgres.CreateDatabaseAsync("bench");
        return new BenchmarkEnvironment(redis, postgres, database);
    }

    public async Task<IHost> StartEngineAsync(bool ingest, IDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:cache"] = Redis.ConnectionString,
            ["ConnectionStrings:platformdb"] = DatabaseConnectionString,
        });
        if (settings is not null)
            builder.Configuration.AddInMemoryCollection(settings);
        builder.AddRedisClient("cache");
        builder.AddNpgsqlDataSource("platformdb");
        builder.Services.AddMetrics();
        builder.Services.AddMetricsStorage(builder.Configuration);
        if (ingest)
            builder.Services.AddMetricsIngestion(builder.Configuration);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        await Redis.DisposeAsync();
        await Postgres.DisposeAsync();
    }
}
