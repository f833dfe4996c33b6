using System.Net;
using System.Text.Json.Nodes;
using static Platform.LlmSimulator.Tests.SimulatorServer;

namespace Platform.LlmSimulator.Tests;

public sealed class ApiKeyTests
{
    private static readonly object Body = new { model = "gpt-4o-mini", messages = new[] { UserMessage("hi") } };

    [Fact]
    public async Task Without_a_configured_key_any_or_no_key_is_accepted()
    {
        await using var sim = await StartAsync();

        using var none = await sim.PostChatAsync(Body);
        using var some = await sim.PostChatAsync(Body, ("Authorization", "Bearer anything"));

        Assert.Equal(HttpStatusCode.OK, none.StatusCode);
        Assert.Equal(HttpStatusCode.OK, some.StatusCode);
    }

    [Fact]
    public async Task A_configured_key_is_required_and_checked()
    {
        await using var sim = await StartAsync(new Dictionary<string, string?> { ["Simulator:ApiKey"] = "sk-sim-secret" });

        using var missing = await sim.PostChatAsync(Body);
        using var wrong = await sim.PostChatAsync(Body, ("Authorization", "Bearer sk-wrong"));
        using var right = await sim.PostChatAsync(Body, ("Authorization", "Bearer sk-sim-secret"));
        using var models = await sim.Client.GetAsync("/v1/models");

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("invalid_api_key", (string)JsonNode.Parse(await wrong.Content.ReadAsStringAsync())!["error"]!["code"]!);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, models.StatusCode);
        Assert.Equal(2, ChatResponse.Outcome(await sim.ModelStatsAsync("gpt-4o-mini"), "unauthorized"));
    }

    [Fact]
    public async Task A_key_can_be_required_for_one_model_only()
    {
        await using var sim = await StartAsync(new Dictionary<string, string?> { ["Simulator:Models:locked:ApiKey"] = "sk-locked" });

        using var open = await sim.PostChatAsync(new { model = "open", messages = new[] { UserMessage("hi") } });
        using var locked = await sim.PostChatAsync(new { model = "locked", messages = new[] { UserMessage("hi") } });
        using var unlocked = await sim.PostChatAsync(new { model = "locked", messages = new[] { UserMessage("hi") } }, ("Authorization", "Bearer sk-locked"));

        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unlocked.StatusCode);
    }
}
