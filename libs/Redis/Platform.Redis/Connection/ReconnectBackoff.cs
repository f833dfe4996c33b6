namespace Platform.Redis.Connection;

/// <summary>Delay before reconnection attempt n: 50 ms doubling to a 2 s ceiling, with ±25% jitter so replicas do not stampede.</summary>
internal static class ReconnectBackoff
{
    private static readonly TimeSpan First = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan Ceiling = TimeSpan.FromSeconds(2);

    public static TimeSpan Delay(int failedAttempts)
    {
        var exponent = Math.Clamp(failedAttempts - 1, 0, 16);
        var delay = Math.Min(First.TotalMilliseconds * (1 << exponent), Ceiling.TotalMilliseconds);
        var jitter = 0.75 + (Random.Shared.NextDouble() * 0.5);
        return TimeSpan.FromMilliseconds(delay * jitter);
    }
}
