using System.Text.Json.Serialization;

namespace Platform.LlmSimulator.Control;

/// <summary>Body of <c>POST /control/models/{model}/fail-next</c>: fail the next <see cref="Count"/> requests with one fault.</summary>
// Typos in control bodies must fail loudly rather than silently configure nothing.
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed class FailNextRequest
{
    public int Count { get; set; } = 1;

    /// <summary><c>rate_limited</c>, <c>server_error</c>, <c>hang</c> or <c>drop_connection</c>.</summary>
    public string? Fault { get; set; }

    /// <summary>For server_error: the 5xx code (default 500).</summary>
    public int? StatusCode { get; set; }

    public double? RetryAfterSeconds { get; set; }

    public double? HangSeconds { get; set; }
}
