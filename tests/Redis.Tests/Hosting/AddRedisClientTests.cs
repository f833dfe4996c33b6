using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Platform.Testing.Redis;

namespace Platform.Redis.Tests.Hosting;

[Collection(RedisServerFixture.Collection)]
public sealed class AddRedisClientTests(RedisServerFixture redis)
{
    [Fact]
    public async Task Registers_the_connection_the_database_and_a_healthy_redis_check()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:cache"] = redis.ConnectionString + ",abortConnect=false" });

        builder.AddRedisClient("cache");
        await using var services = builder.Services.BuildServiceProvider();

        var db = services.GetRequiredService<IRedisDatabase>();
        Assert.Same(services.GetRequiredService<RedisConnection>().GetDatabase(), db);
        var key = RedisServerFixture.NewKeyPrefix() + "di";
        await db.StringSetAsync(key, "ok");
        Assert.Equal("ok", (string?)await db.StringGetAsync(key));

        var report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.Equal(HealthStatus.Healthy, report.Entries["redis"].Status);
    }

    [Fact]
    public async Task The_health_check_is_unhealthy_when_redis_is_unreachable()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:cache"] = $"127.0.0.1:{Platform.Testing.FreePort.Next()},syncTimeout=300",
        });

        builder.AddRedisClient("cache");
        await using var services = builder.Services.BuildServiceProvider();

        var report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.Equal(HealthStatus.Unhealthy, report.Entries["redis"].Status);
    }

    [Fact]
    public void A_missing_or_invalid_connection_string_fails_at_registration_naming_the_problem()
    {
        var missing = Host.CreateApplicationBuilder();
        Assert.Contains("ConnectionStrings:cache", Assert.Throws<InvalidOperationException>(() => missing.AddRedisClient("cache")).Message);

        var invalid = Host.CreateApplicationBuilder();
        invalid.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:cache"] = "h:1,bogus=1" });
        Assert.Contains("bogus", Assert.Throws<ArgumentException>(() => invalid.AddRedisClient("cache")).Message);
    }
}
