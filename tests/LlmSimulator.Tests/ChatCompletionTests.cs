using System.Text.Json.Nodes;
using static Platform.LlmSimulator.Tests.SimulatorServer;

namespace Platform.LlmSimulator.Tests;

public sealed class ChatCompletionTests
{
    [Fact]
    public async Task Reply_has_openai_chat_completion_shape()
    {
        await using var sim = await StartAsync();

        var body = await sim.CompleteAsync(new { model = "gpt-4o-mini", messages = new[] { UserMessage("Hello there") } });

        Assert.StartsWith("chatcmpl-", (string)body["id"]!);
        Assert.Equal("chat.completion", (string)body["object"]!);
        Assert.Equal("gpt-4o-mini", (string)body["model"]!);
        Assert.True((long)body["created"]! > 1_700_000_000);
        var choice = body["choices"]!.AsArray().Single()!;
        Assert.Equal(0, (int)choice["index"]!);
        Assert.Equal("assistant", (string)choice["message"]!["role"]!);
        Assert.False(string.IsNullOrWhiteSpace(ChatResponse.Content(body)));
        Assert.Equal("stop", ChatResponse.FinishReason(body));
        Assert.Equal(ChatResponse.PromptTokens(body) + ChatResponse.CompletionTokens(body), ChatResponse.TotalTokens(body));
    }

    [Fact]
    public async Task Prompt_tokens_follow_the_documented_formula()
    {
        await using var sim = await StartAsync();
        var system = new string('s', 40);   // 10 tokens
        var user = new string('u', 13);     // ceil(13/4) = 4 tokens

        var body = await sim.CompleteAsync(new
        {
            model = "m",
            messages = new object[] { new { role = "system", content = system }, new { role = "user", content = user, name = "alice" } },
        });

        // 3 priming + (3 + 10) + (3 + 4 + 1 for the name)
        Assert.Equal(24, ChatResponse.PromptTokens(body));
    }

    [Fact]
    public async Task Completion_tokens_count_the_generated_pieces_within_the_configured_range()
    {
        await using var sim = await StartAsync(new Dictionary<string, string?>
        {
            ["Simulator:Models:short:MinCompletionTokens"] = "7",
            ["Simulator:Models:short:MaxCompletionTokens"] = "9",
            ["Simulator:Models:short:Response"] = "lorem",
            ["Simulator:Models:short:Script"] = "none",
        });

        for (var i = 0; i < 10; i++)
        {
            var body = await sim.CompleteAsync(new { model = "short", seed = i, messages = new[] { UserMessage("go") } });
            Assert.InRange(ChatResponse.CompletionTokens(body), 7, 9);
            Assert.Equal("stop", ChatResponse.FinishReason(body));
        }
    }

    [Fact]
    public async Task Content_may_be_an_array_of_parts_and_non_text_parts_are_skipped()
    {
        await using var sim = await StartAsync(new Dictionary<string, string?> { ["Simulator:Models:echo:Response"] = "echo" });
        var message = new
        {
            role = "user",
            content = new object[]
            {
                new { type = "text", text = "first part" },
                new { type = "image_url", image_url = new { url = "https://example.invalid/cat.png" } },
                new { type = "text", text = "second part" },
            },
        };

        var body = await sim.CompleteAsync(new { model = "echo", messages = new[] { message } });

        Assert.Equal("You said: first part\nsecond part", ChatResponse.Content(body));
        // "first part\nsecond part" is 22 characters: 3 + (3 + 6)
        Assert.Equal(12, ChatResponse.PromptTokens(body));
    }

    [Fact]
    public async Task Echo_reply_repeats_the_last_user_message()
    {
        await using var sim = await StartAsync(new Dictionary<string, string?> { ["Simulator:Models:echo:Response"] = "echo" });

        var body = await sim.CompleteAsync(new
        {
            model = "echo",
            messages = new object[] { UserMessage("old question"), new { role = "assistant", content = "old answer" }, UserMessage("What is  the status?") },
        }, ("x-sim-script", "none"));

        Assert.Equal("You said: What is  the status?", ChatResponse.Content(body));
        Assert.Equal(5, ChatResponse.CompletionTokens(body)); // "You said:" + 4 words
    }

    [Fact]
    public async Task Unknown_fields_such_as_tools_are_ignored()
    {
        await using var sim = await StartAsync();
        var json = """
            {"model":"m","messages":[{"role":"user","content":"hi"}],"tools":[{"type":"function","function":{"name":"f"}}],
             "response_format":{"type":"text"},"user":"agent-7","temperature":0.2,"top_p":1,"seed":3}
            """;

        using var response = await sim.PostJsonAsync("/v1/chat/completions", json);

        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal("chat.completion", (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["object"]!);
    }
}
