using static Platform.LlmSimulator.Tests.SimulatorServer;

namespace Platform.LlmSimulator.Tests;

/// <summary>Agent-loop scripts: [DONE] on the N-th assistant turn, a loop, and never done.</summary>
public sealed class ScriptTests
{
    private static object[] Conversation(int assistantTurnsSoFar, string? systemPrompt = null)
    {
        var messages = new List<object> { new { role = "system", content = systemPrompt ?? "You are an agent." }, UserMessage("Ship order 42.") };
        for (var i = 0; i < assistantTurnsSoFar; i++)
        {
            messages.Add(new { role = "assistant", content = $"Step {i + 1} done." });
            messages.Add(UserMessage("Observation: ok. Continue."));
        }
        return [.. messages];
    }

    private static async Task<string> ReplyAsync(SimulatorServer sim, string model, int turnsSoFar, string? systemPrompt = null, params (string, string)[] headers) =>
        ChatResponse.Content(await sim.CompleteAsync(new { model, messages = Conversation(turnsSoFar, systemPrompt) }, headers));

    [Fact]
    public async Task Done_after_three_says_DONE_on_the_third_assistant_turn_and_not_before()
    {
        await using var sim = await StartAsync(new Dictionary<string, string?> { ["Simulator:Models:agent:Script"] = "done-after:3" });

        Assert.DoesNotContain("[DONE]", await ReplyAsync(sim, "agent", 0));
        Assert.DoesNotContain("[DONE]", await ReplyAsync(sim, "agent", 1));
        Assert.EndsWith("[DONE]", await ReplyAsync(sim, "agent", 2));
        Assert.EndsWith("[DONE]", await ReplyAsync(sim, "agent", 5));
    }

    [Fact]
    public async Task The_script_header_overrides_the_model_script()
    {
        await using var sim = await StartAsync(new Dictionary<string, string?> { ["Simulator:Models:agent:Script"] = "never-done" });

        Assert.EndsWith("[DONE]", await ReplyAsync(sim, "agent", 0, null, ("x-sim-script", "done-after:1")));
        Assert.DoesNotContain("[DONE]", await ReplyAsync(sim, "agent", 3, null, ("x-sim-script", "done-after:5")));
        Assert.EndsWith("[DONE]", await ReplyAsync(sim, "agent", 4, null, ("x-sim-script", "done-after:5")));
    }

    [Fact]
    public async Task A_directive_in_the_prompt_sets_the_script_through_any_gateway()
    {
        await using var sim = await StartAsync(new Dictionary<string, string?> { ["Simulator:Models:agent:Script"] = "never-done" });
        const string prompt = "You are an agent. [[sim:done-after:2]]";

        Assert.DoesNotContain("[DONE]", await ReplyAsync(sim, "agent", 0, prompt));
        Assert.EndsWith("[DONE]", await ReplyAsync(sim, "agent", 1, prompt));
    }

    [Fact]
    public async Task Loop_repeats_the_same_reply_whatever_the_conversation()
    {
        await using var sim = await StartAsync(new Dictionary<string, string?> { ["Simulator:Models:looper:Script"] = "loop" });

        var replies = new HashSet<string>();
        for (var turns = 0; turns < 6; turns++)
        {
            replies.Add(await ReplyAsync(sim, "looper", turns));
        }

        var reply = Assert.Single(replies);
        Assert.DoesNotContain("[DONE]", reply);
    }

    [Fact]
    public async Task Never_done_varies_and_never_says_DONE()
    {
        await using var sim = await StartAsync(new Dictionary<string, string?> { ["Simulator:Models:forever:Script"] = "never-done" });

        var replies = new HashSet<string>();
        for (var turns = 0; turns < 20; turns++)
        {
            var reply = await ReplyAsync(sim, "forever", turns);
            Assert.DoesNotContain("[DONE]", reply);
            replies.Add(reply);
        }

        Assert.Equal(20, replies.Count);
    }

    [Fact]
    public async Task Shipped_script_models_behave_as_named()
    {
        await using var sim = await StartAsync();

        Assert.EndsWith("[DONE]", await ReplyAsync(sim, "sim-agent-done-after-3", 2));
        Assert.DoesNotContain("[DONE]", await ReplyAsync(sim, "sim-never-done", 50));
        Assert.Equal(await ReplyAsync(sim, "sim-loop", 0), await ReplyAsync(sim, "sim-loop", 7));
    }

    [Fact]
    public async Task An_invalid_script_header_is_a_bad_request()
    {
        await using var sim = await StartAsync();

        using var response = await sim.PostChatAsync(new { model = "m", messages = Conversation(0) }, ("x-sim-script", "done-after:zero"));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
    }
}
