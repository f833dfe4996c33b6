namespace Platform.Redis.Tests.Resilience;

/// <summary>Bounded polling for states that arrive asynchronously (a reconnection, a pause ending).</summary>
internal static class Eventually
{
    public static async Task<T> SucceedsAsync<T>(Func<Task<T>> action, int attempts = 300)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await action();
            }
            catch (Exception error) when (attempt < attempts && error is RedisException or TimeoutException)
            {
                await Task.Delay(100);
            }
        }
    }
}
