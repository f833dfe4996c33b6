using System.Threading.Tasks.Sources;

namespace Platform.Redis.Connection;

/// <summary>
/// Wakes the single writer loop when work arrives, without allocating per wait. A signal set while
/// nobody waits is remembered, so the next wait returns at once (the writer then re-checks its queue).
/// </summary>
internal sealed class AsyncAutoResetSignal : IValueTaskSource
{
    private const int Idle = 0;
    private const int Signalled = 1;
    private const int Waiting = 2;

    private ManualResetValueTaskSourceCore<bool> _core = new() { RunContinuationsAsynchronously = true };
    private int _state;

    /// <summary>Like <see cref="Set"/>, but a waiting writer resumes on this thread instead of the thread pool.</summary>
    public void SetInline() => Set(inline: true);

    public void Set() => Set(inline: false);

    private void Set(bool inline)
    {
        while (true)
        {
            switch (Volatile.Read(ref _state))
            {
                case Signalled:
                    return;
                case Idle when Interlocked.CompareExchange(ref _state, Signalled, Idle) == Idle:
                    return;
                case Waiting when Interlocked.CompareExchange(ref _state, Idle, Waiting) == Waiting:
                    // Only the winner of the exchange touches the core while the waiter is suspended.
                    _core.RunContinuationsAsynchronously = !inline;
                    _core.SetResult(true);
                    return;
            }
        }
    }

    /// <summary>Only one caller may wait at a time.</summary>
    public ValueTask WaitAsync()
    {
        if (Interlocked.CompareExchange(ref _state, Idle, Signalled) == Signalled)
        {
            return ValueTask.CompletedTask;
        }

        _core.Reset();
        if (Interlocked.CompareExchange(ref _state, Waiting, Idle) == Idle)
        {
            return new ValueTask(this, _core.Version);
        }

        // Set() ran between the two exchanges: consume it.
        Interlocked.Exchange(ref _state, Idle);
        return ValueTask.CompletedTask;
    }

    void IValueTaskSource.GetResult(short token) => _core.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource.GetStatus(short token) => _core.GetStatus(token);

    void IValueTaskSource.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);
}
