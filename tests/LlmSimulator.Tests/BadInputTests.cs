using System.Net;
using System.Text.Json.Nodes;

namespace Platform.LlmSimulator.Tests;

/// <summary>Malformed requests get 400 with OpenAI's error body, and never count as served.</summary>
public sealed class BadInputTests
{
    public static TheoryData<string, string?> BadBodies => new()
    {
        { """{"model":"m","messages":[{"role":"user","content":"hi"}""", null },
        { """{"messages":[{"role":"user","content":"hi"}]}""", "model" },
        { """{"model":"m"}""", "messages" },
        { """{"model":"m","messages":[]}""", "messages" },
        { """{"model":"m","messages":[{"role":"robot","content":"hi"}]}""", "messages[0].role" },
        { """{"model":"m","messages":[{"content":"hi"}]}""", "messages[0].role" },
        { """{"model":"m","n":2,"messages":[{"role":"user","content":"hi"}]}""", "n" },
        { """{"model":"m","max_tokens":0,"messages":[{"role":"user","content":"hi"}]}""", "max_tokens" },
        { """{"model":"m","temperature":3,"messages":[{"role":"user","content":"hi"}]}""", "temperature" },
        { """{"model":"m","stream_options":{"include_usage":true},"messages":[{"role":"user","content":"hi"}]}""", "stream_options" },
        { """{"model":"m","messages":[{"role":"user","content":42}]}""", null },
        { """{"model":"m","max_tokens":"many","messages":[{"role":"user","content":"hi"}]}""", null },
        { """[1,2,3]""", null },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_requests_get_400_with_an_openai_error_body(string json, string? param)
    {
        await using var sim = await SimulatorServer.StartAsync();

        using var response = await sim.PostJsonAsync("/v1/chat/completions", json);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = body["error"]!;
        Assert.Equal("invalid_request_error", (string)error["type"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)error["message"]));
        Assert.Equal(param, (string?)error["param"]);
        Assert.True(error.AsObject().ContainsKey("code"));
    }

    [Fact]
    public async Task Bad_requests_naming_a_model_are_counted_against_it()
    {
        await using var sim = await SimulatorServer.StartAsync();

        using var response = await sim.PostJsonAsync("/v1/chat/completions", """{"model":"counted","n":3,"messages":[{"role":"user","content":"hi"}]}""");
        var stats = await sim.ModelStatsAsync("counted");

        Assert.Equal(1, ChatResponse.Outcome(stats, "bad_request"));
        Assert.Equal(0, ChatResponse.Outcome(stats, "ok"));
    }
}
