namespace Platform.Routing.Limits;

/// <summary>How an attempt counts for the breaker.</summary>
public enum AttemptOutcomeKind
{
    /// <summary>The provider answered.</summary>
    Success = 0,

    /// <summary>429, 5xx, timeout, connection failure: counts toward opening the breaker.</summary>
    Failure = 1,

    /// <summary>Cancelled by the caller or the caller's own bad request: says nothing about the provider.</summary>
    Neutral = 2,
}
