namespace Platform.Metrics.Ingestion;

/// <summary>Exponential backoff with jitter for loops that must outlive an outage.</summary>
internal sealed class RetryDelay(TimeSpan max)
{
    private static readonly TimeSpan First = TimeSpan.FromMilliseconds(100);
    private TimeSpan _next = First;

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        var jittered = _next * (0.5 + Random.Shared.NextDouble() / 2);
        _next = TimeSpan.FromTicks(Math.Min(max.Ticks, _next.Ticks * 2));
        await Task.Delay(jittered, cancellationToken);
    }

    public void Reset() => _next = First;
}
