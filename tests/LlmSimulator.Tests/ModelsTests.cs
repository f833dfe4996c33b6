using System.Net;
using System.Text.Json.Nodes;
using static Platform.LlmSimulator.Tests.SimulatorServer;

namespace Platform.LlmSimulator.Tests;

public sealed class ModelsTests
{
    [Fact]
    public async Task Models_list_has_openai_shape_and_the_default_set()
    {
        await using var sim = await StartAsync();

        var list = JsonNode.Parse(await sim.Client.GetStringAsync("/v1/models"))!;

        Assert.Equal("list", (string)list["object"]!);
        var data = list["data"]!.AsArray();
        Assert.All(data, m => Assert.Equal("model", (string)m!["object"]!));
        Assert.All(data, m => Assert.False(string.IsNullOrEmpty((string?)m!["owned_by"])));
        var ids = data.Select(m => (string)m!["id"]!).ToList();
        foreach (var expected in new[] { "deepseek-v3.2", "gemini-2.5-flash", "gpt-4.1", "claude-sonnet-4.5", "gpt-4o-mini" })
        {
            Assert.Contains(expected, ids);
        }
    }

    [Fact]
    public async Task A_single_model_can_be_retrieved()
    {
        await using var sim = await StartAsync();

        var model = JsonNode.Parse(await sim.Client.GetStringAsync("/v1/models/gpt-4.1"))!;

        Assert.Equal("gpt-4.1", (string)model["id"]!);
        Assert.Equal("openai", (string)model["owned_by"]!);
    }

    [Fact]
    public async Task Unknown_models_are_accepted_by_default_and_then_listed()
    {
        await using var sim = await StartAsync();

        await sim.CompleteAsync(new { model = "my-private-model", messages = new[] { UserMessage("hi") } });
        var list = await sim.Client.GetStringAsync("/v1/models");

        Assert.Contains("\"my-private-model\"", list);
    }

    [Fact]
    public async Task Unknown_models_get_404_when_any_model_is_not_accepted()
    {
        await using var sim = await StartAsync(new Dictionary<string, string?> { ["Simulator:AcceptAnyModel"] = "false" });

        using var response = await sim.PostChatAsync(new { model = "nope", messages = new[] { UserMessage("hi") } });
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("model_not_found", (string)error["code"]!);
        Assert.Equal("invalid_request_error", (string)error["type"]!);
        Assert.Equal(HttpStatusCode.NotFound, (await sim.Client.GetAsync("/v1/models/nope")).StatusCode);
        Assert.Equal(1, (long)JsonNode.Parse(await sim.Client.GetStringAsync("/control/stats"))!["rejected_unknown_model"]!);
    }

    [Fact]
    public async Task Health_and_alive_answer_200()
    {
        await using var sim = await StartAsync();

        Assert.Equal(HttpStatusCode.OK, (await sim.Client.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await sim.Client.GetAsync("/alive")).StatusCode);
    }
}
