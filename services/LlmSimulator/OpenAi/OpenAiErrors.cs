using Microsoft.AspNetCore.Http;

namespace Platform.LlmSimulator.OpenAi;

/// <summary>Writes errors in OpenAI's shape and with the HTTP status OpenAI uses for them.</summary>
public static class OpenAiErrors
{
    public const string InvalidRequest = "invalid_request_error";
    public const string ServerErrorType = "server_error";

    public static Task WriteAsync(HttpContext http, int status, string message, string type, string? param = null, string? code = null)
    {
        http.Response.StatusCode = status;
        var body = new OpenAiErrorBody { Error = new OpenAiError { Message = message, Type = type, Param = param, Code = code } };
        return http.Response.WriteAsJsonAsync(body, SimulatorJsonContext.Default.OpenAiErrorBody, contentType: null, http.RequestAborted);
    }

    public static Task BadRequestAsync(HttpContext http, string message, string? param = null, string? code = null) =>
        WriteAsync(http, StatusCodes.Status400BadRequest, message, InvalidRequest, param, code);

    public static Task ModelNotFoundAsync(HttpContext http, string model) =>
        WriteAsync(http, StatusCodes.Status404NotFound,
            $"The model `{model}` does not exist or you do not have access to it.", InvalidRequest, "model", "model_not_found");

    public static Task UnauthorizedAsync(HttpContext http, bool keyGiven) =>
        WriteAsync(http, StatusCodes.Status401Unauthorized,
            keyGiven ? "Incorrect API key provided." : "You didn't provide an API key. Provide it in an Authorization header (Bearer auth).",
            InvalidRequest, null, keyGiven ? "invalid_api_key" : null);

    public static Task RateLimitedAsync(HttpContext http, string model) =>
        WriteAsync(http, StatusCodes.Status429TooManyRequests,
            $"Rate limit reached for {model} (simulated). Please try again later.", "requests", null, "rate_limit_exceeded");

    public static Task ServerErrorAsync(HttpContext http, int status) =>
        WriteAsync(http, status, ServerErrorMessage(status), ServerErrorType);

    private static string ServerErrorMessage(int status) => status switch
    {
        500 => "The server had an error while processing your request. Sorry about that! (simulated)",
        502 => "Bad gateway. (simulated)",
        503 => "The engine is currently overloaded, please try again later. (simulated)",
        504 => "Gateway timeout. (simulated)",
        _ => $"Upstream error {status}. (simulated)",
    };
}
