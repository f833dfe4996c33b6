using System.Text.Json.Serialization;

namespace Platform.LlmSimulator.Configuration;

/// <summary>
/// Shares (0..1, summing to at most 1) of requests that fail, and how. Bound from configuration
/// (PascalCase: <c>RateLimited</c>) and from <c>PUT /control/models/{model}/faults</c> (snake_case: <c>rate_limited</c>).
/// </summary>
// Typos in control bodies must fail loudly rather than silently configure nothing.
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed class FaultOptions
{
    public double? RateLimited { get; set; }

    public double? RetryAfterSeconds { get; set; }

    public double? ServerError { get; set; }

    /// <summary>Status codes a server error picks from (deterministically); default 500, 502, 503.</summary>
    public int[]? ServerErrorCodes { get; set; }

    public double? Hang { get; set; }

    public double? HangSeconds { get; set; }

    public double? DropConnection { get; set; }

    /// <summary>Seed of the fault draw; default: a hash of the model name, so runs are reproducible.</summary>
    public long? Seed { get; set; }
}
