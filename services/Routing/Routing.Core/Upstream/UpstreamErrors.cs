using System.Net;
using System.Text.Json;
using Platform.Routing.Vocabulary;

namespace Platform.Routing.Upstream;

/// <summary>Classifies what went wrong with an attempt: HTTP statuses, timeouts, broken connections.</summary>
public static class UpstreamErrors
{
    private const int MaxMessageLength = 300;

    public static async Task<UpstreamFailure> FromResponseAsync(HttpResponseMessage response, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var (message, code) = await ReadErrorAsync(response, cancellationToken);
        var text = message ?? $"HTTP {status} {response.ReasonPhrase}";
        return status switch
        {
            429 => new UpstreamFailure(AttemptStatus.RateLimited, status, text, RetryAfterHeader.Read(response.Headers, now)),
            408 => new UpstreamFailure(AttemptStatus.Timeout, status, text),
            >= 500 => new UpstreamFailure(AttemptStatus.ServerError, status, text, RetryAfterHeader.Read(response.Headers, now)),
            _ => new UpstreamFailure(AttemptStatus.ClientError, status, text, ContextOverflow: IsContextOverflow(status, code, text)),
        };
    }

    public static UpstreamFailure FromException(Exception exception, bool attemptTimedOut, bool callerCancelled) => exception switch
    {
        _ when callerCancelled => new UpstreamFailure(AttemptStatus.Cancelled, 0, "the caller cancelled or its deadline passed"),
        OperationCanceledException or TimeoutException when attemptTimedOut => new UpstreamFailure(AttemptStatus.Timeout, 0, "the provider did not answer within the attempt timeout"),
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } e => new UpstreamFailure(AttemptStatus.ConnectionError, 0, Truncate(e.Message)),
        HttpRequestException or IOException => new UpstreamFailure(AttemptStatus.ConnectionError, 0, Truncate("connection failed: " + exception.Message)),
        JsonException => new UpstreamFailure(AttemptStatus.ServerError, 200, "the provider's reply is not valid JSON"),
        OperationCanceledException => new UpstreamFailure(AttemptStatus.Timeout, 0, "the attempt was cut short"),
        _ => new UpstreamFailure(AttemptStatus.ConnectionError, 0, Truncate(exception.GetType().Name + ": " + exception.Message)),
    };

    private static bool IsContextOverflow(int status, string? code, string message) =>
        status is 400 or 413 or 422 &&
        (code is "context_length_exceeded" or "string_above_max_length" ||
         message.Contains("context length", StringComparison.OrdinalIgnoreCase) ||
         message.Contains("context window", StringComparison.OrdinalIgnoreCase) ||
         message.Contains("maximum context", StringComparison.OrdinalIgnoreCase));

    private static async Task<(string? Message, string? Code)> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (body.Length == 0)
                return (null, null);
            var error = JsonSerializer.Deserialize(body, OpenAiJsonContext.Default.ErrorReply)?.Error;
            return (error?.Message is { } m ? Truncate(m) : null, error?.Code);
        }
        catch (Exception e) when (e is JsonException or HttpRequestException or IOException or OperationCanceledException)
        {
            return (null, null);
        }
    }

    private static string Truncate(string text) => text.Length <= MaxMessageLength ? text : text[..MaxMessageLength];
}
