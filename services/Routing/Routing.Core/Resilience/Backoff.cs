namespace Platform.Routing.Resilience;

/// <summary>Exponential backoff with full jitter, never shorter than the provider's Retry-After hint.</summary>
public sealed class Backoff(RetryOptions options)
{
    /// <param name="repeat">1 for the first repeat on a model, 2 for the second...</param>
    public TimeSpan Next(int repeat, TimeSpan? retryAfter)
    {
        var ceiling = options.BaseBackoff.TotalMilliseconds * Math.Pow(2, Math.Clamp(repeat - 1, 0, 20));
        ceiling = Math.Min(ceiling, options.MaxBackoff.TotalMilliseconds);
        var jittered = TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
        return retryAfter is { } hint && hint > jittered ? hint : jittered;
    }
}
