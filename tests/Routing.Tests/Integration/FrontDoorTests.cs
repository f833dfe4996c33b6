using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Platform.Common.V1;
using Platform.Routing.Tests.Infrastructure;

namespace Platform.Routing.Tests.Integration;

/// <summary>The OpenAI-compatible HTTP front door: agents by key or header, JSON and SSE replies, OpenAI-style errors.</summary>
[Collection(PlatformFixture.Collection)]
public sealed class FrontDoorTests(PlatformFixture platform) : IAsyncLifetime
{
    private readonly string _scope = Guid.NewGuid().ToString("N")[..8];
    private readonly string _keyedAgent = Calls.Id("fd-keyed");
    private readonly string _headerAgent = Calls.Id("fd-header");
    private RoutingReplica _routing = null!;
    private HttpClient _http = null!;

    private string Model => $"fd-model-{_scope}";
    private string ApiKey => "sk-test-" + _scope;

    public async Task InitializeAsync()
    {
        var settings = platform.RoutingSettings(_scope);
        settings.AddModel(Model, contextWindow: 4_000);
        settings["Routing:FrontDoor:ApiKeys:0:Key"] = ApiKey;
        settings["Routing:FrontDoor:ApiKeys:0:AgentId"] = _keyedAgent;
        settings["Routing:FrontDoor:MaxRequestBytes"] = "100000";
        _routing = await RoutingReplica.StartAsync(settings);
        _http = new HttpClient { BaseAddress = _routing.HttpEndpoint, Timeout = TimeSpan.FromSeconds(60) };
        await platform.Budget.RegisterAgentAsync(_keyedAgent, Tier.High, hourlyTokenLimit: 1_000_000);
        await platform.Budget.RegisterAgentAsync(_headerAgent, Tier.Medium, hourlyTokenLimit: 1_000_000);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _routing.DisposeAsync();
    }

    private HttpRequestMessage Post(string json, string? key = null, string? agentHeader = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (key is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        if (agentHeader is not null)
            request.Headers.Add("x-agent-id", agentHeader);
        return request;
    }

    private string Body(bool stream = false, int maxTokens = 40) =>
        $$"""{"model":"{{Model}}","max_tokens":{{maxTokens}},"stream":{{(stream ? "true" : "false")}},"stream_options":{"include_usage":true},"messages":[{"role":"system","content":"be brief"},{"role":"user","content":[{"type":"text","text":"hello"}]}]}""";

    [Fact]
    public async Task A_configured_key_completes_a_call_billed_to_its_agent()
    {
        using var response = await _http.SendAsync(Post(Body(), key: ApiKey));
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("chat.completion", (string?)json["object"]);
        Assert.Equal(Model, (string?)json["model"]);
        Assert.False(string.IsNullOrEmpty((string?)json["choices"]![0]!["message"]!["content"]));
        Assert.Equal("assistant", (string?)json["choices"]![0]!["message"]!["role"]);
        var total = (long)json["usage"]!["total_tokens"]!;
        await _routing.FlushAsync();
        Assert.Equal(total, (await platform.Budget.UsageAsync(_keyedAgent)).HourlyTokens.Used);
    }

    [Fact]
    public async Task Streaming_sends_openai_chunks_a_usage_chunk_and_DONE()
    {
        using var response = await _http.SendAsync(Post(Body(stream: true), agentHeader: _headerAgent), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = (await response.Content.ReadAsStringAsync()).Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(e => e.Trim()).ToList();

        Assert.Equal("data: [DONE]", events[^1]);
        var chunks = events.SkipLast(1).Select(e => JsonNode.Parse(e["data: ".Length..])!).ToList();
        Assert.All(chunks, c => Assert.Equal("chat.completion.chunk", (string?)c["object"]));
        Assert.Equal("assistant", (string?)chunks[0]["choices"]![0]!["delta"]!["role"]);
        var text = string.Concat(chunks.SelectMany(c => c["choices"]!.AsArray()).Select(c => (string?)c!["delta"]?["content"] ?? ""));
        Assert.False(string.IsNullOrEmpty(text));
        Assert.Contains(chunks, c => c["choices"]!.AsArray().Any(ch => (string?)ch!["finish_reason"] is "stop" or "length"));
        var usage = chunks[^1]["usage"]!;
        Assert.Empty(chunks[^1]["choices"]!.AsArray());
        Assert.True((long)usage["completion_tokens"]! > 0);
    }

    [Fact]
    public async Task Models_lists_the_enabled_catalog()
    {
        var json = JsonNode.Parse(await _http.GetStringAsync("/v1/models"))!;
        Assert.Equal("list", (string?)json["object"]);
        Assert.Contains(json["data"]!.AsArray(), m => (string?)m!["id"] == Model);
    }

    [Fact]
    public async Task Errors_have_openai_bodies_and_precise_statuses()
    {
        await AssertErrorAsync(Post(Body()), HttpStatusCode.Unauthorized, "invalid_api_key");
        await AssertErrorAsync(Post("{not json", agentHeader: _headerAgent), HttpStatusCode.BadRequest, "invalid_json");
        await AssertErrorAsync(Post("""{"model":"x","messages":[]}""".Replace("\"x\"", $"\"{Model}\""), agentHeader: _headerAgent), HttpStatusCode.BadRequest, "invalid_argument");
        await AssertErrorAsync(Post(Body().Replace(Model, "missing-model"), agentHeader: _headerAgent), HttpStatusCode.NotFound, "model_not_found");
        await AssertErrorAsync(Post(Body(maxTokens: 10_000), agentHeader: _headerAgent), HttpStatusCode.BadRequest, "invalid_argument");
        var huge = $$"""{"model":"{{Model}}","messages":[{"role":"user","content":"{{new string('x', 200_000)}}"}]}""";
        await AssertErrorAsync(Post(huge, agentHeader: _headerAgent), HttpStatusCode.RequestEntityTooLarge, "request_too_large");
        await AssertErrorAsync(Post(Body(), agentHeader: "unknown-" + _scope), HttpStatusCode.NotFound, "agent_not_found");
    }

    [Fact]
    public async Task A_budget_denial_is_429_with_retry_headers_when_waiting_helps()
    {
        var agent = Calls.Id("fd-poor");
        await platform.Budget.RegisterAgentAsync(agent, Tier.Medium, hourlyTokenLimit: 100);
        using (var first = await _http.SendAsync(Post(Body(maxTokens: 40), agentHeader: agent)))
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await _routing.FlushAsync();

        using var response = await _http.SendAsync(Post(Body(maxTokens: 60), agentHeader: agent));
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("insufficient_quota", (string?)json["error"]!["code"]);
        Assert.True(response.Headers.Contains("retry-after-ms"));
    }

    private async Task AssertErrorAsync(HttpRequestMessage request, HttpStatusCode status, string code)
    {
        using (request)
        using (var response = await _http.SendAsync(request))
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(status == response.StatusCode, $"expected {status}, got {response.StatusCode}: {text}");
            var error = JsonNode.Parse(text)!["error"]!;
            Assert.Equal(code, (string?)error["code"]);
            Assert.False(string.IsNullOrEmpty((string?)error["message"]));
            Assert.NotNull(error["type"]);
        }
    }
}
