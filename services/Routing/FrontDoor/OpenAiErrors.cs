using System.Globalization;
using System.Text.Json;
using Platform.Routing.Completions;

namespace Platform.Routing.FrontDoor;

/// <summary>Failures as OpenAI-style error bodies (<c>{"error":{"message","type","param","code"}}</c>) with matching HTTP statuses.</summary>
internal static class OpenAiErrors
{
    public static async Task WriteAsync(HttpContext context, RoutingException error)
    {
        var (status, type) = StatusOf(error);
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "application/json";
        if (error.RetryAfter is { } retryAfter)
        {
            response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            response.Headers["retry-after-ms"] = ((long)Math.Ceiling(retryAfter.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture);
        }
        response.Headers["x-platform-error-reason"] = error.Reason;
        if (error.DenialReason is { } denial)
            response.Headers["x-platform-denial-reason"] = denial;
        Write(response.BodyWriter, error, type);
        await response.BodyWriter.FlushAsync();
    }

    public static Task WriteAsync(HttpContext context, int status, string type, string code, string message, string? parameter = null) =>
        WriteAsync(context, new RoutingException(RoutingErrorKind.InvalidArgument, code, message) { Parameter = parameter }, status, type);

    private static async Task WriteAsync(HttpContext context, RoutingException error, int status, string type)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        Write(context.Response.BodyWriter, error, type);
        await context.Response.BodyWriter.FlushAsync();
    }

    /// <summary>The error object alone, as an SSE stream's last event carries it.</summary>
    public static void Write(System.Buffers.IBufferWriter<byte> output, RoutingException error, string? type = null)
    {
        using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        json.WriteStartObject("error"u8);
        json.WriteString("message"u8, error.Message);
        json.WriteString("type"u8, type ?? StatusOf(error).Type);
        if (error.Parameter is null)
            json.WriteNull("param"u8);
        else
            json.WriteString("param"u8, error.Parameter);
        json.WriteString("code"u8, CodeOf(error));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    public static (int Status, string Type) StatusOf(RoutingException error) => error.Kind switch
    {
        RoutingErrorKind.InvalidArgument => (400, "invalid_request_error"),
        RoutingErrorKind.NotFound => (404, "invalid_request_error"),
        RoutingErrorKind.FailedPrecondition when error.Reason == ErrorReasons.AgentRetired => (403, "permission_error"),
        RoutingErrorKind.FailedPrecondition => (400, "invalid_request_error"),
        RoutingErrorKind.ResourceExhausted when error.Reason == ErrorReasons.BudgetDenied => (429, "insufficient_quota"),
        RoutingErrorKind.ResourceExhausted => (429, "rate_limit_error"),
        RoutingErrorKind.Unavailable => (503, "api_error"),
        RoutingErrorKind.DeadlineExceeded => (504, "timeout_error"),
        RoutingErrorKind.Cancelled => (499, "api_error"),
        RoutingErrorKind.AlreadyExists or RoutingErrorKind.Aborted => (409, "invalid_request_error"),
        _ => (500, "api_error"),
    };

    private static string CodeOf(RoutingException error) => error.Reason switch
    {
        ErrorReasons.PromptTooLarge => "context_length_exceeded",
        ErrorReasons.ModelNotFound => "model_not_found",
        ErrorReasons.RateLimited => "rate_limit_exceeded",
        ErrorReasons.BudgetDenied => "insufficient_quota",
        _ => error.Reason.ToLowerInvariant(),
    };
}
