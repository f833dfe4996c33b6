namespace Platform.Redis.Commands;

/// <summary>
/// Rescues completion batches that stopped making progress (a caller blocked synchronously inside
/// its continuation): their remaining callers are resumed individually on the thread pool.
/// </summary>
internal static class CompletionWatchdog
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
    private static readonly Lock Gate = new();
    private static readonly HashSet<CompletionBatch> Active = new();
    // Static, so rooted for the life of the process; it only starts once a batch is first tracked.
    private static readonly Timer Ticker = new(static _ => Tick(), null, Interval, Interval);

    public static void Track(CompletionBatch batch)
    {
        lock (Gate)
        {
            Active.Add(batch);
        }
    }

    public static void Untrack(CompletionBatch batch)
    {
        lock (Gate)
        {
            Active.Remove(batch);
        }
    }

    private static void Tick()
    {
        List<CompletionBatch>? stalled = null;
        lock (Gate)
        {
            foreach (var batch in Active)
            {
                var progress = batch.Progress;
                if (progress == batch.LastSeenProgress && !batch.IsFinished)
                {
                    (stalled ??= []).Add(batch);
                }

                batch.LastSeenProgress = progress;
            }

            if (stalled is not null)
            {
                Active.ExceptWith(stalled);
            }
        }

        foreach (var batch in stalled ?? [])
        {
            batch.Rescue();
        }
    }
}
