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

    public void Execute()
    {
        for (var i = 0; i < _count; i++)
        {
            _commands[i].ResumeCallerInline();
            Volatile.Write(ref _progress, i + 1);
        }

        CompletionWatchdog.Untrack(this);
    }

    /// <summary>Hands every caller not yet resumed to the thread pool individually.</summary>
    public void Rescue()
    {
        for (var i = 0; i < _count; i++)
        {
            _commands[i].ResumeCallerOnThreadPool();
        }
    }
}
