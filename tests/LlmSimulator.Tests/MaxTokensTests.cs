using static Platform.LlmSimulator.Tests.SimulatorServer;

namespace Platform.LlmSimulator.Tests;

public sealed class MaxTokensTests
{
    private static readonly Dictionary<string, string?> LongReplies = new()
    {
        ["Simulator:Models:long:MinCompletionTokens"] = "50",
        ["Simulator:Models:long:MaxCompletionTokens"] = "60",
    };

    [Fact]
    public async Task Max_tokens_cuts_the_reply_with_finish_reason_length()
    {
        await using var sim = await StartAsync(LongReplies);

        var body = await sim.CompleteAsync(new { model = "long", max_tokens = 5, messages = new[] { UserMessage("Write a lot.") } });

        Assert.Equal(5, ChatResponse.CompletionTokens(body));
        Assert.Equal("length", ChatResponse.FinishReason(body));
    }

    [Fact]
    public async Task The_cut_reply_is_the_start_of_the_full_reply()
    {
        await using var sim = await StartAsync(LongReplies);
        var messages = new[] { UserMessage("Write a lot.") };

        var full = ChatResponse.Content(await sim.CompleteAsync(new { model = "long", seed = 9, messages }));
        var cut = ChatResponse.Content(await sim.CompleteAsync(new { model = "long", seed = 9, max_tokens = 10, messages }));

        Assert.StartsWith(cut, full);
        Assert.True(cut.Length < full.Length);
    }

    [Fact]
    public async Task Max_completion_tokens_wins_over_max_tokens()
    {
        await using var sim = await StartAsync(LongReplies);

        var body = await sim.CompleteAsync(new { model = "long", max_tokens = 40, max_completion_tokens = 3, messages = new[] { UserMessage("Hi") } });

        Assert.Equal(3, ChatResponse.CompletionTokens(body));
        Assert.Equal("length", ChatResponse.FinishReason(body));
    }

    [Fact]
    public async Task A_generous_max_tokens_does_not_cut()
    {
        await using var sim = await StartAsync(LongReplies);

        var body = await sim.CompleteAsync(new { model = "long", max_tokens = 1000, messages = new[] { UserMessage("Hi") } });

        Assert.InRange(ChatResponse.CompletionTokens(body), 50, 60);
        Assert.Equal("stop", ChatResponse.FinishReason(body));
    }
}
