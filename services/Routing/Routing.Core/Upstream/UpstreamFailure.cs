using Platform.Routing.Vocabulary;

namespace Platform.Routing.Upstream;

/// <summary>Why an attempt failed, classified for retry and fallback decisions. Messages never contain credentials.</summary>
public sealed record UpstreamFailure(AttemptStatus Status, int HttpStatus, string Message, TimeSpan? RetryAfter = null, bool ContextOverflow = false)
{
    /// <summary>429, 5xx, timeouts and connection errors are the provider's problem: another model may succeed.</summary>
    public bool IsProviderFault => Status is AttemptStatus.RateLimited or AttemptStatus.ServerError or AttemptStatus.Timeout or AttemptStatus.ConnectionError;

    /// <summary>401/403/404 from a provider mean the catalog entry is wrong (key, URL, model name), not the request.</summary>
    public bool IsProviderConfigurationError => Status == AttemptStatus.ClientError && HttpStatus is 401 or 403 or 404;

    public override string ToString() => HttpStatus > 0 ? $"{Status} (HTTP {HttpStatus}): {Message}" : $"{Status}: {Message}";
}
