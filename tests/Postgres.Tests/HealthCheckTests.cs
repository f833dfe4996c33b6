using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Platform.Postgres;
using Platform.Testing.Postgres;

namespace Postgres.Tests;

/// <summary>Stops its own server, so no other test sees the outage.</summary>
public sealed class HealthCheckTests : IAsyncLifetime
{
    private PostgresServer _server = null!;

    public async Task InitializeAsync() => _server = await PostgresServer.StartNewAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Postgres_check_follows_the_server_down_and_back_up()
    {
        using var host = TestHosts.Create(await _server.CreateDatabaseAsync());
        var health = host.Services.GetRequiredService<HealthCheckService>();

        Assert.Equal(HealthStatus.Healthy, await CheckAsync(health));

        await _server.StopAsync();
        Assert.Equal(HealthStatus.Unhealthy, await CheckAsync(health));

        await _server.StartAsync();
        // Pooled connections from before the restart are dead; each failed probe discards one.
        Assert.Equal(HealthStatus.Healthy, await PollUntilHealthyAsync(health));
    }

    [Fact]
    public void A_missing_connection_string_names_the_key()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.AddNpgsqlDataSource("platformdb");
        using var host = builder.Build();

        var failure = Assert.Throws<InvalidOperationException>(() => host.Services.GetRequiredService<Npgsql.NpgsqlDataSource>());
        Assert.Contains("ConnectionStrings:platformdb", failure.Message);
    }

    private static async Task<HealthStatus> CheckAsync(HealthCheckService health)
    {
        var report = await health.CheckHealthAsync(check => check.Name == PostgresHealthCheck.Name);
        return report.Entries[PostgresHealthCheck.Name].Status;
    }

    private static async Task<HealthStatus> PollUntilHealthyAsync(HealthCheckService health)
    {
        var status = HealthStatus.Unhealthy;
        for (var attempt = 0; attempt < 50 && status != HealthStatus.Healthy; attempt++)
        {
            status = await CheckAsync(health);
            if (status != HealthStatus.Healthy)
            {
                await Task.Delay(200);
            }
        }

        return status;
    }
}
