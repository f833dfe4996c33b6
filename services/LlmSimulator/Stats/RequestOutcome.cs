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

    /// <summary>The simulator itself failed (a bug): should always be zero.</summary>
    Failed,
}
