namespace Platform.Hosting.Local;

/// <summary>After start-up: notices an instance exiting (with its last lines) and health changing.</summary>
internal static class ResourceMonitor
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    public static async Task WatchAsync(ResourceInstance instance, ConsoleReporter reporter, CancellationToken stopping)
    {
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                var tick = Task.Delay(Interval, stopping);
                if (instance.Exited is { } exited && await Task.WhenAny(exited, tick).ConfigureAwait(false) == exited)
                {
                    if (!stopping.IsCancellationRequested)
                    {
                        await instance.DrainOutputAsync().ConfigureAwait(false);
                        var lines = string.Concat(instance.RecentLines.Select(l => $"{System.Environment.NewLine}  {instance.DisplayName} | {l}"));
                        reporter.Error($"{instance.DisplayName} exited with code {await exited.ConfigureAwait(false)}; its last lines:{lines}");
                        instance.SetState(ResourceState.Exited);
                    }

                    return;
                }

                await tick.ConfigureAwait(false);
                bool healthy;
                try
                {
                    healthy = await instance.IsHealthyAsync(stopping).ConfigureAwait(false);
                }
                catch (Exception) when (!stopping.IsCancellationRequested)
                {
                    healthy = false;
                }

                instance.SetState(healthy ? ResourceState.Healthy : ResourceState.Unhealthy);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }
}
