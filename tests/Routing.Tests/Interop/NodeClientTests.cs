using System.Text.Json.Nodes;
using Platform.Common.V1;
using Platform.Routing.Tests.Infrastructure;

namespace Platform.Routing.Tests.Interop;

/// <summary>Existing clients switch by changing their base URL: the official openai npm client over HTTP, grpc-js over gRPC.</summary>
[Collection(PlatformFixture.Collection)]
public sealed class NodeClientTests(PlatformFixture platform) : IAsyncLifetime
{
    private readonly string _scope = Guid.NewGuid().ToString("N")[..8];
    private readonly string _agent = Calls.Id("node-agent");
    private RoutingReplica _routing = null!;

    private string Model => $"node-model-{_scope}";
    private string ApiKey => "sk-node-" + _scope;

    public async Task InitializeAsync()
    {
        await NodeProcess.EnsurePackagesAsync();
        var settings = platform.RoutingSettings(_scope);
        settings.AddModel(Model);
        settings["Routing:FrontDoor:ApiKeys:0:Key"] = ApiKey;
        settings["Routing:FrontDoor:ApiKeys:0:AgentId"] = _agent;
        _routing = await RoutingReplica.StartAsync(settings);
        await platform.Budget.RegisterAgentAsync(_agent, Tier.High, hourlyTokenLimit: 1_000_000);
    }

    public async Task DisposeAsync() => await _routing.DisposeAsync();

    [Fact]
    public async Task The_openai_npm_client_completes_plain_and_streaming_calls_through_the_front_door()
    {
        var (exitCode, output, errors) = await NodeProcess.RunAsync("node",
            ["openai-check.mjs", new Uri(_routing.HttpEndpoint, "/v1").ToString(), ApiKey, Model], TimeSpan.FromMinutes(2));

        Assert.True(exitCode == 0, $"node exited with {exitCode}: {errors}\n{output}");
        var result = JsonNode.Parse(output.Trim().Split('\n')[^1])!;
        var plain = result["non_streaming"]!;
        var streamed = result["streaming"]!;
        Assert.Equal(Model, (string?)plain["model"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)plain["content"]));
        Assert.Equal((string?)plain["content"], (string?)streamed["content"]);
        Assert.Equal((string?)plain["finish_reason"], (string?)streamed["finish_reason"]);
        Assert.Equal((long)plain["usage"]!["total_tokens"]!, (long)streamed["usage"]!["total_tokens"]!);
        Assert.Equal(404, (int)result["error"]!["status"]!);
        Assert.Equal("model_not_found", (string?)result["error"]!["code"]);
        Assert.Contains(Model, result["models"]!.AsArray().Select(m => (string?)m));

        await _routing.FlushAsync();
        var used = (await platform.Budget.UsageAsync(_agent)).HourlyTokens.Used;
        Assert.True(used >= 2 * (long)plain["usage"]!["total_tokens"]!, "both calls were billed to the key's agent");
    }

    [Fact]
    public async Task A_grpc_js_client_completes_unary_and_streaming_calls_and_reads_error_trailers()
    {
        var address = $"{_routing.GrpcEndpoint.Host}:{_routing.GrpcEndpoint.Port}";
        var (exitCode, output, errors) = await NodeProcess.RunAsync("node",
            ["grpc-check.js", address, NodeProcess.ProtosDirectory, _agent, Model], TimeSpan.FromMinutes(2));

        Assert.True(exitCode == 0, $"node exited with {exitCode}: {errors}\n{output}");
        var result = JsonNode.Parse(output.Trim().Split('\n')[^1])!;
        var unary = result["unary"]!;
        Assert.Equal(0, (int)unary["code"]!);
        Assert.Equal(Model, (string?)unary["model"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)unary["content"]));

        var streamed = result["streamed"]!;
        Assert.Equal(0, (int)streamed["code"]!);
        var events = streamed["events"]!.AsArray().Select(e => (string?)e).ToList();
        Assert.Equal("started", events[0]);
        Assert.Equal("completed", events[^1]);
        Assert.Contains("delta", events);

        var invalid = result["invalid"]!;
        Assert.Equal(3, (int)invalid["code"]!); // INVALID_ARGUMENT
        Assert.Equal("INVALID_ARGUMENT", (string?)invalid["reason"]);
    }
}
