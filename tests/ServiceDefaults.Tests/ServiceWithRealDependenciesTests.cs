using System.Net;
using System.Text.Json;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Platform.Testing.Postgres;
using Platform.Testing.Redis;
using Platform.Testing.Services;
using Prometheus.Tests.Validation;
using static Grpc.Health.V1.HealthCheckResponse.Types;

namespace ServiceDefaults.Tests;

/// <summary>
/// A real service process, configured only by the environment variables a host injects, against its
/// own redis-server and PostgreSQL (not the shared ones: these tests take them down).
/// </summary>
public sealed class ServiceWithRealDependenciesTests : IAsyncLifetime
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(60);
    private RedisServer _redis = null!;
    private PostgresServer _postgres = null!;
    private ServiceProcess _service = null!;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync(new RedisServerOptions { Password = "s3cret-for-tests" });
        _postgres = await PostgresServer.StartNewAsync();
        var database = await _postgres.CreateDatabaseAsync("svcdefaults");
        _service = ServiceProcess.Start("Metrics", new Dictionary<string, string?>
        {
            ["ConnectionStrings__cache"] = _redis.ConnectionString,
            ["ConnectionStrings__platformdb"] = database,
        });
        await _service.WaitUntilHealthyAsync();
    }

    [Fact]
    public async Task Health_reports_redis_and_postgres_and_follows_their_outages()
    {
        var report = await HealthReportAsync();
        Assert.Equal("Healthy", report.GetProperty("status").GetString());
        Assert.Equal("Healthy", report.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString());
        Assert.Equal("Healthy", report.GetProperty("checks").GetProperty("postgres").GetProperty("status").GetString());
        Assert.Equal(ServingStatus.Serving, await GrpcHealthAsync());

        await _redis.KillAsync();
        await EventuallyAsync(HttpStatusCode.ServiceUnavailable, "redis down");
        Assert.Equal(ServingStatus.NotServing, await GrpcHealthAsync());
        await _redis.RestartAsync();
        await EventuallyAsync(HttpStatusCode.OK, "redis back");
        Assert.Equal(ServingStatus.Serving, await GrpcHealthAsync());

        await _postgres.StopAsync();
        await EventuallyAsync(HttpStatusCode.ServiceUnavailable, "postgres down");
        Assert.Equal(ServingStatus.NotServing, await GrpcHealthAsync());
        await _postgres.StartAsync();
        await EventuallyAsync(HttpStatusCode.OK, "postgres back");
        Assert.Equal(ServingStatus.Serving, await GrpcHealthAsync());
    }

    [Fact]
    public async Task Liveness_does_not_depend_on_the_stores()
    {
        await _redis.KillAsync();
        await EventuallyAsync(HttpStatusCode.ServiceUnavailable, "redis down");
        using var alive = await _http.GetAsync(new Uri(_service.HttpEndpoint, "/alive"));
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        await _redis.RestartAsync();
    }

    [Fact]
    public async Task Metrics_endpoint_passes_a_strict_prometheus_check()
    {
        // Some traffic first, so ASP.NET Core's and the gRPC runtime's instruments have series.
        await GrpcHealthAsync();
        await HealthReportAsync();

        using var response = await _http.GetAsync(new Uri(_service.HttpEndpoint, "/metrics"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.ToString());
        var exposition = await ExpositionAssert.IsValidAsync(await response.Content.ReadAsStringAsync());
        Assert.Contains(exposition.Families, f => f.Name.StartsWith("http_server_request_duration", StringComparison.Ordinal));
    }

    private async Task<JsonElement> HealthReportAsync()
    {
        using var response = await _http.GetAsync(new Uri(_service.HttpEndpoint, "/health"));
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private async Task<ServingStatus> GrpcHealthAsync()
    {
        using var channel = GrpcChannel.ForAddress(_service.GrpcEndpoint);
        var client = new Health.HealthClient(channel);
        var reply = await client.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(20));
        return reply.Status;
    }

    private async Task EventuallyAsync(HttpStatusCode expected, string what)
    {
        var deadline = DateTime.UtcNow + Settle;
        HttpStatusCode last = 0;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await _http.GetAsync(new Uri(_service.HttpEndpoint, "/health"));
                last = response.StatusCode;
                if (last == expected)
                    return;
            }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        Assert.Fail($"/health stayed {last} instead of {expected} after {what}.\n{_service.RecentOutput}");
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _service.DisposeAsync();
        await _postgres.DisposeAsync();
        await _redis.DisposeAsync();
    }
}
