using static Platform.LlmSimulator.Tests.SimulatorServer;

namespace Platform.LlmSimulator.Tests;

public sealed class DeterminismTests
{
    private static object Request(long seed, string question) => new
    {
        model = "gpt-4.1",
        seed,
        messages = new object[] { new { role = "system", content = "You are a careful agent." }, UserMessage(question) },
    };

    [Fact]
    public async Task Same_seed_model_and_messages_give_the_same_reply_even_across_restarts()
    {
        string first;
        int firstTokens;
        await using (var sim = await StartAsync())
        {
            var body = await sim.CompleteAsync(Request(42, "Plan the next step."));
            first = ChatResponse.Content(body);
            firstTokens = ChatResponse.CompletionTokens(body);
            Assert.Equal(first, ChatResponse.Content(await sim.CompleteAsync(Request(42, "Plan the next step."))));
        }

        await using var restarted = await StartAsync();
        var again = await restarted.CompleteAsync(Request(42, "Plan the next step."));
        Assert.Equal(first, ChatResponse.Content(again));
        Assert.Equal(firstTokens, ChatResponse.CompletionTokens(again));
    }

    [Fact]
    public async Task A_different_seed_or_message_gives_a_different_reply()
    {
        await using var sim = await StartAsync();

        var baseline = ChatResponse.Content(await sim.CompleteAsync(Request(42, "Plan the next step.")));
        var otherSeed = ChatResponse.Content(await sim.CompleteAsync(Request(43, "Plan the next step.")));
        var otherMessage = ChatResponse.Content(await sim.CompleteAsync(Request(42, "Plan the last step.")));

        Assert.NotEqual(baseline, otherSeed);
        Assert.NotEqual(baseline, otherMessage);
    }
}
