using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Platform.Routing.Completions;

namespace Platform.Routing.FrontDoor;

/// <summary>
/// <c>POST /v1/chat/completions</c>: the OpenAI-compatible front door. The caller's agent comes from its
/// API key or <c>x-agent-id</c>; the call runs through the same pipeline as gRPC (budgets, limits,
/// fallbacks), whole or as server-sent events.
/// </summary>
internal sealed class ChatCompletionsEndpoint(CompletionService completions, CallerIdentity identity, FrontDoorOptions options, TimeProvider time)
{
    public async Task HandleAsync(HttpContext context)
    {
        var agentId = identity.AgentOf(context.Request);
        if (agentId is null)
        {
            await OpenAiErrors.WriteAsync(context, 401, "invalid_request_error", "invalid_api_key",
                "Unknown API key. Use a configured key, or name your agent in the x-agent-id header.");
            return;
        }
        if (context.Request.ContentLength > options.MaxRequestBytes)
        {
            await TooLargeAsync(context);
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = options.MaxRequestBytes;

        OpenAiChatRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync(context.Request.Body, FrontDoorJsonContext.Default.OpenAiChatRequest, context.RequestAborted);
        }
        catch (JsonException e)
        {
            await OpenAiErrors.WriteAsync(context, 400, "invalid_request_error", "invalid_json", "The request body is not valid JSON: " + e.Message);
            return;
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await TooLargeAsync(context);
            return;
        }
        if (body is null)
        {
            await OpenAiErrors.WriteAsync(context, 400, "invalid_request_error", "invalid_json", "The request body must be a JSON object.");
            return;
        }

        try
        {
            var (request, includeUsage) = OpenAiRequestReader.Read(body, agentId, context.Request.Headers);
            var deadline = time.GetUtcNow().UtcDateTime + Timeout(context.Request);
            if (request.Stream)
                await StreamAsync(context, request, includeUsage, deadline);
            else
                await CompleteAsync(context, request, deadline);
        }
        catch (RoutingException e) when (!context.Response.HasStarted)
        {
            await OpenAiErrors.WriteAsync(context, e);
        }
    }

    private async Task CompleteAsync(HttpContext context, Requests.CompletionRequest request, DateTime deadline)
    {
        var result = await completions.CompleteAsync(request, deadline, context.RequestAborted);
        var response = context.Response;
        response.ContentType = "application/json";
        AddRoutingHeaders(response, result.RequestId, result.Model, result.Provider, result.FallbackDepth);
        response.Headers["x-routing-cost-micros"] = result.CostMicros.ToString(CultureInfo.InvariantCulture);
        OpenAiResponseWriter.WriteCompletion(response.BodyWriter, result, time.GetUtcNow().ToUnixTimeSeconds());
        await response.BodyWriter.FlushAsync(context.RequestAborted);
    }

    private async Task StreamAsync(HttpContext context, Requests.CompletionRequest request, bool includeUsage, DateTime deadline)
    {
        await using var stream = await completions.StreamAsync(request, deadline, context.RequestAborted);
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        AddRoutingHeaders(response, stream.Started.RequestId, stream.Started.Model, stream.Started.Provider, stream.Started.FallbackDepth);
        var output = response.BodyWriter;
        var created = time.GetUtcNow().ToUnixTimeSeconds();
        var id = stream.Started.RequestId;
        var model = stream.Started.Model;
        await using var json = new Utf8JsonWriter(output);
        OpenAiResponseWriter.WriteChunk(output, json, id, model, created, content: "", roleOpener: true, finish: null);
        await output.FlushAsync(context.RequestAborted);
        try
        {
            while (await stream.ReadAsync() is { } next)
            {
                switch (next)
                {
                    case StreamDelta delta:
                        OpenAiResponseWriter.WriteChunk(output, json, id, model, created, delta.Content, roleOpener: false, finish: null);
                        break;
                    case StreamCompleted completed:
                        OpenAiResponseWriter.WriteChunk(output, json, id, model, created, content: null, roleOpener: false, completed.Result.FinishReason);
                        if (includeUsage)
                            OpenAiResponseWriter.WriteUsageChunk(output, json, completed.Result, created);
                        OpenAiResponseWriter.WriteDone(output);
                        break;
                }
                await output.FlushAsync(context.RequestAborted);
            }
        }
        catch (RoutingException e)
        {
            // The status line is gone; the error travels as the last event, as OpenAI's API does.
            OpenAiResponseWriter.WriteErrorEvent(output, e);
            await output.FlushAsync(CancellationToken.None);
        }
    }

    private TimeSpan Timeout(HttpRequest request) =>
        long.TryParse(request.Headers["x-request-timeout-ms"].ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) && ms > 0
            ? TimeSpan.FromMilliseconds(ms)
            : options.DefaultTimeout;

    private static void AddRoutingHeaders(HttpResponse response, string requestId, string model, string provider, int fallbackDepth)
    {
        response.Headers["x-request-id"] = requestId;
        response.Headers["x-routing-model"] = model;
        response.Headers["x-routing-provider"] = provider;
        response.Headers["x-routing-fallback-depth"] = fallbackDepth.ToString(CultureInfo.InvariantCulture);
    }

    private Task TooLargeAsync(HttpContext context) =>
        OpenAiErrors.WriteAsync(context, 413, "invalid_request_error", "request_too_large",
            $"The request body is larger than {options.MaxRequestBytes} bytes.");
}
