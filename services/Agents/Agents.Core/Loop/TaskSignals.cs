namespace Platform.Agents.Loop;

/// <summary>
/// What can stop a running task from outside the loop: a cancellation request (CancelTask, or the RunTask
/// caller leaving), the task deadline, and the replica shutting down (a hand-off, not an outcome).
/// </summary>
public sealed class TaskSignals(DateTime deadlineUtc, CancellationToken shutdown) : IDisposable
{
    private readonly CancellationTokenSource _cancel = new();
    private string _cancelReason = "";

    public DateTime Deadline { get; } = deadlineUtc;
    public CancellationToken Shutdown { get; } = shutdown;
    public CancellationToken Cancelled => _cancel.Token;
    public bool CancelRequested => _cancel.IsCancellationRequested;
    public string CancelReason => Volatile.Read(ref _cancelReason);

    public void RequestCancel(string reason)
    {
        Interlocked.CompareExchange(ref _cancelReason, reason.Length > 0 ? reason : "cancellation was requested", "");
        _cancel.Cancel();
    }

    /// <summary>A token for one wait or call: fires on cancellation, shutdown, the deadline, or after <paramref name="limit"/>.</summary>
    public CancellationTokenSource Link(TimeProvider time, TimeSpan limit)
    {
        var linked = CancellationTokenSource.CreateLinkedTokenSource(_cancel.Token, Shutdown);
        var untilDeadline = Deadline - time.GetUtcNow().UtcDateTime;
        var wait = untilDeadline < limit ? untilDeadline : limit;
        linked.CancelAfter(wait > TimeSpan.Zero ? wait : TimeSpan.Zero);
        return linked;
    }

    /// <summary>The end the signals call for now, in priority order, or null to carry on.</summary>
    public LoopEnd? Check(TimeProvider time)
    {
        if (CancelRequested)
            return new LoopEnd(V1.TaskOutcome.Cancelled, CancelReason, "");
        if (Shutdown.IsCancellationRequested)
            return LoopEnd.HandedOff();
        if (time.GetUtcNow().UtcDateTime >= Deadline)
            return new LoopEnd(V1.TaskOutcome.DeadlineExceeded, "the task's deadline passed", "");
        return null;
    }

    public void Dispose() => _cancel.Dispose();
}
