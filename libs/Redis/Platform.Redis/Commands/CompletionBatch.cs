namespace Platform.Redis.Commands;

/// <summary>
/// Commands completed by one socket read, whose callers are resumed together by one thread-pool work
/// item instead of one work item each. The reader loop never runs caller code: it only fills a batch
/// and queues it. Measured on the GET/SET benchmark this is the difference between ~170k and
/// several hundred thousand ops/s, because a thread-pool hop per reply dominated the cost.
/// </summary>
/// <remarks>
/// Callers resume one after another on the batch's thread, so a caller that blocks synchronously
/// would hold up the rest of its batch (and could deadlock if it waited for one of them). The
/// <see cref="CompletionWatchdog"/> therefore re-dispatches the batch's remaining callers
/// individually when the batch makes no progress for one watchdog tick.
/// </remarks>
internal sealed class CompletionBatch : IThreadPoolWorkItem
{
    [ThreadStatic]
    private static CompletionBatch? t_executing;

    private readonly Lock _deferredLock = new();
    private List<Connection.CommandOutbox>? _deferredWakeUps;
    private PendingCommand[] _commands = new PendingCommand[16];
    private int _count;
    private int _progress;

    public bool IsEmpty => _count == 0;

    /// <summary>How many callers have been resumed so far; the watchdog compares it between ticks.</summary>
    public int Progress => Volatile.Read(ref _progress);

    public bool IsFinished => Volatile.Read(ref _progress) == _count;

    internal int LastSeenProgress { get; set; } = -1;

    public void Add(PendingCommand command)
    {
        if (_count == _commands.Length)
        {
            Array.Resize(ref _commands, _count * 2);
        }

        _commands[_count++] = command;
    }

    /// <summary>Queues the batch; only the reader calls this, once, after the last Add.</summary>
    public void Dispatch()
    {
        CompletionWatchdog.Track(this);
        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    /// <summary>
    /// Called by an outbox that just queued a command: if that happened inside a batch's resumed
    /// callers, the writer is woken once when the batch ends instead of once per command, so the
    /// commands those callers issued next leave in one socket write. False when not inside a batch.
    /// </summary>
    public static bool TryDeferWakeUp(Connection.CommandOutbox outbox)
    {
        var batch = t_executing;
        if (batch is null)
        {
            return false;
        }

        lock (batch._deferredLock)
        {
            if (batch._deferredWakeUps is { } list)
            {
                if (!list.Contains(outbox))
                {
                    list.Add(outbox);
                }

                return true;
            }

            // Already rescued by the watchdog: wake at once.
            return false;
        }
    }

    public void Execute()
    {
        _deferredWakeUps = [];
        t_executing = this;
        try
        {
            for (var i = 0; i < _count; i++)
            {
                _commands[i].ResumeCallerInline();
                Volatile.Write(ref _progress, i + 1);
            }
        }
        finally
        {
            t_executing = null;
            WakeDeferred(inline: true);
            CompletionWatchdog.Untrack(this);
        }
    }

    /// <summary>Hands every caller not yet resumed to the thread pool individually, and wakes deferred writers.</summary>
    public void Rescue()
    {
        WakeDeferred(inline: false);
        for (var i = 0; i < _count; i++)
        {
            _commands[i].ResumeCallerOnThreadPool();
        }
    }

    private void WakeDeferred(bool inline)
    {
        List<Connection.CommandOutbox>? wakeUps;
        lock (_deferredLock)
        {
            wakeUps = _deferredWakeUps;
            _deferredWakeUps = null;
        }

        foreach (var outbox in wakeUps ?? [])
        {
            if (inline)
            {
                outbox.WakeInline();
            }
            else
            {
                outbox.Wake();
            }
        }
    }
}
