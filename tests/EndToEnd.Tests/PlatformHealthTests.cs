using System.Text.Json;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Platform.Testing;
using Platform.Testing.Peers;
using static Grpc.Health.V1.HealthCheckResponse.Types;

namespace EndToEnd.Tests;

public sealed class PlatformHealthTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    private static readonly NodeScripts Node = new(Path.Combine(RepositoryPaths.Root, "tests", "EndToEnd.Tests", "node"), Path.Combine("@grpc", "grpc-js"));

    [Fact]
    public async Task Every_replica_of_every_service_is_ready_over_http()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        foreach (var service in PlatformFixture.GrpcServices.Append("llm-sim"))
        {
            var endpoints = platform.App.GetEndpoints(service, "http");
            Assert.NotEmpty(endpoints);
            foreach (var endpoint in endpoints)
            {
                using var response = await http.GetAsync(new Uri(endpoint, "/health"));
                Assert.True(response.IsSuccessStatusCode, $"{service} at {endpoint}: /health answered {(int)response.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task Every_replica_answers_grpc_health_through_our_client()
    {
        foreach (var (service, endpoint) in GrpcEndpoints())
        {
            using var channel = GrpcChannel.ForAddress(endpoint);
            var client = new Health.HealthClient(channel);
            var reply = await client.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(20));
            Assert.True(reply.Status == ServingStatus.Serving, $"{service} at {endpoint} is {reply.Status}");
        }
    }

    [Fact]
    public async Task Every_replica_answers_grpc_health_through_grpc_js()
    {
        var targets = GrpcEndpoints().Select(e => $"{e.Service}={e.Endpoint.Host}:{e.Endpoint.Port}").ToArray();
        var healthProto = Path.Combine(RepositoryPaths.Root, "protos", "grpc", "health", "v1", "health.proto");
        using var peer = await Node.StartAsync("health-check.mjs", [healthProto, .. targets]);
        var lines = await peer.WaitForExitAsync(TimeSpan.FromMinutes(2));

        Assert.True(peer.ExitCode == 0, peer.Describe());
        var results = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(targets.Length, results.Count);
        Assert.All(results, r => Assert.True(r.GetProperty("status").GetString() == "SERVING", r.ToString()));
    }

    private IEnumerable<(string Service, Uri Endpoint)> GrpcEndpoints() =>
        PlatformFixture.GrpcServices.SelectMany(s => platform.App.GetEndpoints(s, "grpc").Select(e => (s, e)));
}
