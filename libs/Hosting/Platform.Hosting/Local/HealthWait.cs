namespace Platform.Hosting.Local;

/// <summary>Probes a freshly started instance until it is healthy, it exits, or the start-up timeout passes.</summary>
internal static class HealthWait
{
    public static async Task UntilHealthyAsync(ResourceInstance instance, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        var pause = TimeSpan.FromMilliseconds(100);
        string? lastProblem = null;
        while (true)
        {
            if (instance.Exited is { IsCompleted: true } exited)
            {
                await instance.DrainOutputAsync().ConfigureAwait(false);
                throw new ResourceStartException(instance, $"exited with code {await exited.ConfigureAwait(false)}");
            }

            try
            {
                if (await instance.IsHealthyAsync(cancellationToken).ConfigureAwait(false))
                {
                    return;
                }
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                lastProblem = ex.Message;
            }

            if (DateTime.UtcNow > deadline)
            {
                var detail = lastProblem is null ? "" : $" (last probe: {lastProblem})";
                throw new ResourceStartException(instance, $"not healthy within {timeout.TotalSeconds:0} s{detail}");
            }

            var delay = Task.Delay(pause, cancellationToken);
            await (instance.Exited is { } exit ? Task.WhenAny(delay, exit) : delay).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 1000));
        }
    }
}
