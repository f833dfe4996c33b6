namespace Platform.LlmSimulator.Stats;

/// <summary>How a request attributed to a model ended; every such request ends in exactly one.</summary>
public enum RequestOutcome
{
    Ok,
    RateLimited,
    ServerError,
    Dropped,
    Cancelled,
    BadRequest,
    Unauthorized,
}
