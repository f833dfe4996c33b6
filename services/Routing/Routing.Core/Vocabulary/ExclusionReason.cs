namespace Platform.Routing.Vocabulary;

/// <summary>Why a candidate cannot serve a request. Values match platform.routing.v1.ExclusionReason.</summary>
public enum ExclusionReason
{
    Unspecified = 0,
    Disabled = 1,
    BreakerOpen = 2,
    RateLimited = 3,
    ConcurrencyFull = 4,
    OverMaxCost = 5,
    ContextTooSmall = 6,
    MissingCapability = 7,
    FilteredByRequest = 8,
    TierPolicy = 9,
}
