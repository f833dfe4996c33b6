namespace Platform.LlmSimulator.Faults;

/// <summary>"Fail the next N requests with X": a queue of faults consumed one per request, in order.</summary>
public sealed class ScheduledFaults
{
    private readonly Queue<Batch> _queue = new();
    private readonly Lock _lock = new();

    // Read without the lock so that the common case (nothing scheduled) costs one volatile read.
    private volatile int _pending;

    public int Pending => _pending;

    public void Add(FaultAction action, int count)
    {
        if (count <= 0)
        {
            return;
        }
        lock (_lock)
        {
            _queue.Enqueue(new Batch(action, count));
            _pending += count;
        }
    }

    public bool TryTake(out FaultAction action)
    {
        action = FaultAction.None;
        if (_pending == 0)
        {
            return false;
        }
        lock (_lock)
        {
            if (!_queue.TryPeek(out var head))
            {
                return false;
            }
            action = head.Action;
            if (--head.Remaining == 0)
            {
                _queue.Dequeue();
            }
            _pending--;
            return true;
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _queue.Clear();
            _pending = 0;
        }
    }

    private sealed class Batch(FaultAction action, int remaining)
    {
        public FaultAction Action { get; } = action;

        public int Remaining { get; set; } = remaining;
    }
}
