using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Platform.LlmSimulator.OpenAi;
using Platform.LlmSimulator.Stats;

namespace Platform.LlmSimulator.Completions;

/// <summary>
/// Answers a streaming request with server-sent chunks paced by time-to-first-token and per-token delay.
/// Token i is due at ttft + i * perToken from the start, so delays do not drift; waits under a
/// millisecond are skipped, which keeps zero-latency streams free of timer work.
/// </summary>
public static class StreamingCompletionResponder
{
    private const int FlushEveryTokens = 16;
    private static readonly TimeSpan MinimumWait = TimeSpan.FromMilliseconds(1);

    /// <param name="dropMidway">Abort the connection halfway through the tokens (a drop_connection fault on a stream).</param>
    public static async Task<RequestOutcome> RespondAsync(HttpContext http, CompletionContext completion, TimeProvider clock, bool dropMidway)
    {
        var aborted = http.RequestAborted;
        var stats = completion.Model.Stats;
        var text = completion.Text;
        stats.Streaming();

        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        await http.Response.StartAsync(aborted);
        stats.Responded(StatusCodes.Status200OK);

        var pipe = http.Response.BodyWriter;
        var started = Stopwatch.GetTimestamp();
        var firstToken = completion.Profile.TimeToFirstToken.Sample(Random.Shared, completion.LatencyScale);
        var perToken = completion.Profile.PerToken.Sample(Random.Shared, completion.LatencyScale);
        var dropAt = dropMidway ? text.Count / 2 : -1;

        var chunks = new ChunkWriter(pipe, CompletionIds.Next(), clock.GetUtcNow().ToUnixTimeSeconds(), completion.Model.Name);
        await WaitUntilAsync(started, firstToken, clock, aborted, pipe);
        chunks.WriteRole();
        for (var i = 0; i < text.Count; i++)
        {
            if (i == dropAt)
            {
                await pipe.FlushAsync(aborted);
                http.Abort();
                return RequestOutcome.Dropped;
            }
            await WaitUntilAsync(started, firstToken + perToken * i, clock, aborted, pipe);
            chunks.WriteContent(text[i].Span);
            if (i % FlushEveryTokens == FlushEveryTokens - 1 && !await FlushAsync(pipe, aborted))
            {
                return RequestOutcome.Cancelled;
            }
        }
        if (dropAt >= 0)
        {
            // An empty reply has no middle: drop after the role chunk.
            await pipe.FlushAsync(aborted);
            http.Abort();
            return RequestOutcome.Dropped;
        }

        var usage = completion.Usage;
        var separateUsageChunk = completion.Request.StreamOptions?.IncludeUsage == true;
        // The last chunk always carries usage: OpenAI's own usage chunk when asked for, else the finish chunk (as many relays do).
        chunks.WriteFinish(text.FinishReason, separateUsageChunk ? null : usage);
        if (separateUsageChunk)
        {
            chunks.WriteUsageChunk(usage);
        }
        chunks.WriteDone();
        if (!await FlushAsync(pipe, aborted))
        {
            return RequestOutcome.Cancelled;
        }
        stats.Tokens(completion.PromptTokens, text.Count);
        return RequestOutcome.Ok;
    }

    private static async ValueTask WaitUntilAsync(long started, TimeSpan due, TimeProvider clock, CancellationToken aborted, System.IO.Pipelines.PipeWriter pipe)
    {
        var wait = due - Stopwatch.GetElapsedTime(started);
        if (wait < MinimumWait)
        {
            return;
        }
        // What is written so far reaches the client before we go quiet.
        if (!await FlushAsync(pipe, aborted))
        {
            throw new OperationCanceledException(aborted);
        }
        await Task.Delay(wait, clock, aborted);
    }

    /// <returns>False when the client has gone away.</returns>
    private static async ValueTask<bool> FlushAsync(System.IO.Pipelines.PipeWriter pipe, CancellationToken aborted)
    {
        var result = await pipe.FlushAsync(aborted);
        return !result.IsCanceled && !result.IsCompleted;
    }
}
