namespace Platform.Routing.Vocabulary;

/// <summary>A model's shared circuit breaker. Values match platform.routing.v1.BreakerState.</summary>
public enum BreakerState
{
    Unspecified = 0,
    Closed = 1,
    Open = 2,
    HalfOpen = 3,
}
