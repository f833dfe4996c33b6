using System.Buffers;
using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using Platform.Routing.Catalog;

namespace Platform.Routing.Upstream;

/// <summary>
/// Calls OpenAI-compatible providers: <c>POST {base_url}/chat/completions</c>, whole or streamed. Each
/// attempt has its own timeout (the model's request_timeout, cut to the caller's deadline); the caller's
/// cancellation aborts the HTTP request, which the provider sees as a closed connection.
/// </summary>
public sealed class UpstreamClient(HttpClient http, SecretResolver secrets, TimeProvider time)
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");
    private readonly ConcurrentDictionary<string, Uri> _endpoints = new(StringComparer.Ordinal);

    public async Task<UpstreamOutcome<UpstreamCompletion>> CompleteAsync(
        ModelDefinition model, UpstreamRequest request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(timeout);
        try
        {
            using var message = CreateMessage(model, request);
            using var response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, attempt.Token);
            if (!response.IsSuccessStatusCode)
                return UpstreamOutcome<UpstreamCompletion>.Failed(await UpstreamErrors.FromResponseAsync(response, time.GetUtcNow(), attempt.Token));
            await using var body = await response.Content.ReadAsStreamAsync(attempt.Token);
            var reply = await JsonSerializer.DeserializeAsync(body, OpenAiJsonContext.Default.ChatCompletionReply, attempt.Token);
            var choice = reply?.Choices is { Count: > 0 } choices ? choices[0] : null;
            if (choice is null)
                return UpstreamOutcome<UpstreamCompletion>.Failed(new UpstreamFailure(Vocabulary.AttemptStatus.ServerError, 200, "the provider's reply has no choices"));
            UpstreamUsage? usage = reply!.Usage is { } u ? new UpstreamUsage(u.PromptTokens, u.CompletionTokens, u.PromptTokensDetails?.CachedTokens ?? 0) : null;
            return UpstreamOutcome<UpstreamCompletion>.Ok(new UpstreamCompletion(choice.Message?.Content ?? "", FinishReasons.Parse(choice.FinishReason), usage));
        }
        catch (Exception e) when (e is OperationCanceledException or HttpRequestException or IOException or JsonException or TimeoutException)
        {
            return UpstreamOutcome<UpstreamCompletion>.Failed(
                UpstreamErrors.FromException(e, attemptTimedOut: attempt.IsCancellationRequested && !cancellationToken.IsCancellationRequested, cancellationToken.IsCancellationRequested));
        }
    }

    /// <summary>Sends a streaming request and returns the open stream once the provider answered 200 (or why it did not).</summary>
    public async Task<UpstreamOutcome<UpstreamStream>> OpenStreamAsync(
        ModelDefinition model, UpstreamRequest request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(timeout);
        HttpResponseMessage? response = null;
        try
        {
            using var message = CreateMessage(model, request);
            response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, attempt.Token);
            if (!response.IsSuccessStatusCode)
            {
                var failure = await UpstreamErrors.FromResponseAsync(response, time.GetUtcNow(), attempt.Token);
                response.Dispose();
                attempt.Dispose();
                return UpstreamOutcome<UpstreamStream>.Failed(failure);
            }
            var body = await response.Content.ReadAsStreamAsync(attempt.Token);
            return UpstreamOutcome<UpstreamStream>.Ok(new UpstreamStream(response, body, attempt, cancellationToken));
        }
        catch (Exception e) when (e is OperationCanceledException or HttpRequestException or IOException or TimeoutException)
        {
            var failure = UpstreamErrors.FromException(e, attempt.IsCancellationRequested && !cancellationToken.IsCancellationRequested, cancellationToken.IsCancellationRequested);
            response?.Dispose();
            attempt.Dispose();
            return UpstreamOutcome<UpstreamStream>.Failed(failure);
        }
    }

    private HttpRequestMessage CreateMessage(ModelDefinition model, UpstreamRequest request)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        RequestBodyWriter.Write(buffer, request);
        var content = new ReadOnlyMemoryContent(buffer.WrittenMemory);
        content.Headers.ContentType = JsonContentType;
        var message = new HttpRequestMessage(HttpMethod.Post, Endpoint(model.BaseUrl)) { Content = content };
        if (secrets.Resolve(model.ApiKeySecretName) is { } apiKey)
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        if (request.Stream)
            message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        return message;
    }

    private Uri Endpoint(string baseUrl) =>
        _endpoints.GetOrAdd(baseUrl, static url => new Uri(url.TrimEnd('/') + "/chat/completions", UriKind.Absolute));
}
