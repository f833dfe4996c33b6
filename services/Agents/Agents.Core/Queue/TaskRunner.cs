using Microsoft.Extensions.Options;

namespace Platform.Agents.Queue;

/// <summary>
/// The replica's worker pool: at most MaxConcurrentTasks executions at once. The dispatcher and the
/// reclaimer take entries from the queue only when a slot is free, so a busy replica leaves work to the
/// others instead of hoarding it.
/// </summary>
public sealed class TaskRunner(TaskExecution execution, IOptions<TaskQueueOptions> options)
{
    private readonly SemaphoreSlim _slotFreed = new(0);
    private readonly List<Task> _executions = [];
    private readonly Lock _gate = new();
    private int _busy;

    public int Capacity { get; } = Math.Max(1, options.Value.MaxConcurrentTasks);

    public int Busy => Volatile.Read(ref _busy);

    public int Free => Math.Max(0, Capacity - Busy);

    /// <summary>Starts an execution in a free slot; false when none is free (the entry stays pending and is reclaimed later).</summary>
    public bool TryStart(QueueEntry entry, CancellationToken shutdown)
    {
        if (Interlocked.Increment(ref _busy) > Capacity)
        {
            Release();
            return false;
        }
        var run = Task.Run(async () =>
        {
            try
            {
                await execution.RunAsync(entry, shutdown);
            }
            finally
            {
                Release();
            }
        }, CancellationToken.None);
        lock (_gate)
        {
            _executions.RemoveAll(t => t.IsCompleted);
            _executions.Add(run);
        }
        return true;
    }

    public async Task WaitForFreeSlotAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (Free > 0)
            return;
        await _slotFreed.WaitAsync(timeout, cancellationToken);
    }

    /// <summary>Waits for every execution to end (on shutdown they hand their tasks back).</summary>
    public Task DrainAsync()
    {
        lock (_gate)
            return Task.WhenAll(_executions.ToArray());
    }

    private void Release()
    {
        Interlocked.Decrement(ref _busy);
        if (_slotFreed.CurrentCount < Capacity)
            _slotFreed.Release();
    }
}
