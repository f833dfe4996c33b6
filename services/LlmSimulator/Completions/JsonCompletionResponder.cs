using Microsoft.AspNetCore.Http;
using Platform.LlmSimulator.OpenAi;
using Platform.LlmSimulator.Stats;

namespace Platform.LlmSimulator.Completions;

/// <summary>Answers a non-streaming request: waits the sampled total latency, then writes one chat.completion.</summary>
public static class JsonCompletionResponder
{
    public static async Task<RequestOutcome> RespondAsync(HttpContext http, CompletionContext completion, TimeProvider clock)
    {
        var delay = completion.Profile.Latency.Sample(Random.Shared, completion.LatencyScale);
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, clock, http.RequestAborted);
        }

        var response = new ChatCompletionResponse
        {
            Id = CompletionIds.Next(),
            Created = clock.GetUtcNow().ToUnixTimeSeconds(),
            Model = completion.Model.Name,
            Choices =
            [
                new ChatChoice
                {
                    Message = new AssistantMessage { Content = completion.Text.ToContent() },
                    FinishReason = completion.Text.FinishReason,
                },
            ],
            Usage = completion.Usage,
        };
        http.Response.StatusCode = StatusCodes.Status200OK;
        await http.Response.WriteAsJsonAsync(response, SimulatorJsonContext.Default.ChatCompletionResponse, contentType: null, http.RequestAborted);
        completion.Model.Stats.Responded(StatusCodes.Status200OK);
        completion.Model.Stats.Tokens(completion.PromptTokens, completion.Text.Count);
        return RequestOutcome.Ok;
    }
}
