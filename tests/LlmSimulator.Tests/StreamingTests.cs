using System.Text.Json.Nodes;
using static Platform.LlmSimulator.Tests.SimulatorServer;

namespace Platform.LlmSimulator.Tests;

public sealed class StreamingTests
{
    private static readonly object[] Messages = [UserMessage("Stream me a status report.")];

    private static async Task<(string ContentType, List<JsonNode> Chunks)> StreamAsync(SimulatorServer sim, object body)
    {
        using var response = await sim.PostChatAsync(body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return (response.Content.Headers.ContentType!.MediaType!, SseEvents.Chunks(text));
    }

    [Fact]
    public async Task Stream_is_sse_chunks_from_role_to_finish_then_DONE()
    {
        await using var sim = await StartAsync();

        var (contentType, chunks) = await StreamAsync(sim, new { model = "m", seed = 1, stream = true, messages = Messages });

        Assert.Equal("text/event-stream", contentType);
        Assert.All(chunks, c => Assert.Equal("chat.completion.chunk", (string)c["object"]!));
        Assert.Single(chunks.Select(c => (string)c["id"]!).Distinct());
        Assert.Equal("assistant", (string)chunks[0]["choices"]![0]!["delta"]!["role"]!);
        var finish = chunks[^1]["choices"]![0]!;
        Assert.Equal("stop", (string)finish["finish_reason"]!);
        Assert.All(chunks.Take(chunks.Count - 1), c => Assert.Null(c["choices"]![0]!["finish_reason"]));
    }

    [Fact]
    public async Task Without_include_usage_the_finish_chunk_still_carries_usage()
    {
        await using var sim = await StartAsync();

        var (_, chunks) = await StreamAsync(sim, new { model = "m", stream = true, messages = Messages });

        var usage = chunks[^1]["usage"]!;
        Assert.Equal(chunks.Count - 2, (int)usage["completion_tokens"]!); // one chunk per token, minus role and finish chunks
        Assert.All(chunks.Take(chunks.Count - 1), c => Assert.Null(c["usage"]));
    }

    [Fact]
    public async Task With_include_usage_a_final_chunk_has_empty_choices_and_the_usage()
    {
        await using var sim = await StartAsync();

        var (_, chunks) = await StreamAsync(sim, new { model = "m", stream = true, stream_options = new { include_usage = true }, messages = Messages });

        var last = chunks[^1];
        Assert.Empty(last["choices"]!.AsArray());
        Assert.Equal(chunks.Count - 3, (int)last["usage"]!["completion_tokens"]!); // minus role, finish and usage chunks
        Assert.Equal("stop", (string)chunks[^2]["choices"]![0]!["finish_reason"]!);
        Assert.Null(chunks[^2]["usage"]);
    }

    [Fact]
    public async Task Streamed_content_and_usage_equal_the_non_streamed_reply()
    {
        await using var sim = await StartAsync();

        var whole = await sim.CompleteAsync(new { model = "m", seed = 5, messages = Messages });
        var (_, chunks) = await StreamAsync(sim, new { model = "m", seed = 5, stream = true, messages = Messages });

        Assert.Equal(ChatResponse.Content(whole), SseEvents.Content(chunks));
        Assert.Equal(ChatResponse.PromptTokens(whole), (int)chunks[^1]["usage"]!["prompt_tokens"]!);
        Assert.Equal(ChatResponse.CompletionTokens(whole), (int)chunks[^1]["usage"]!["completion_tokens"]!);
    }

    [Fact]
    public async Task Max_tokens_cuts_a_stream_with_finish_reason_length()
    {
        await using var sim = await StartAsync();

        var (_, chunks) = await StreamAsync(sim, new { model = "m", stream = true, max_tokens = 4, messages = Messages });

        Assert.Equal("length", (string)chunks[^1]["choices"]![0]!["finish_reason"]!);
        Assert.Equal(4, (int)chunks[^1]["usage"]!["completion_tokens"]!);
        Assert.Equal(6, chunks.Count);
    }

    [Fact]
    public async Task A_paced_stream_delivers_the_same_content()
    {
        // Exercises the time-to-first-token and per-token waits; asserts content only, never timing.
        await using var sim = await StartAsync(new Dictionary<string, string?>
        {
            ["Simulator:LatencyScale"] = "1",
            ["Simulator:Models:paced:TimeToFirstToken:Ms"] = "20",
            ["Simulator:Models:paced:PerToken:Distribution"] = "uniform",
            ["Simulator:Models:paced:PerToken:MinMs"] = "1",
            ["Simulator:Models:paced:PerToken:MaxMs"] = "3",
            ["Simulator:Models:paced:Latency:Ms"] = "10",
        });

        var whole = await sim.CompleteAsync(new { model = "paced", seed = 2, messages = Messages });
        var (_, chunks) = await StreamAsync(sim, new { model = "paced", seed = 2, stream = true, messages = Messages });

        Assert.Equal(ChatResponse.Content(whole), SseEvents.Content(chunks));
    }
}
