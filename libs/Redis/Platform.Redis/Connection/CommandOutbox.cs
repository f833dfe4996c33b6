using Platform.Redis.Commands;

namespace Platform.Redis.Connection;

/// <summary>
/// Commands accepted from callers and not yet written. Survives reconnections: while the connection
/// is down, commands wait here (until their deadline) for the next connection's writer.
/// </summary>
internal sealed class CommandOutbox
{
    private readonly Lock _lock = new();
    private readonly AsyncAutoResetSignal _signal = new();
    private Queue<PendingCommand> _queue = new();
    private Queue<PendingCommand> _spare = new();
    private Exception? _closedReason;

    /// <summary>Approximate (read without the lock): for diagnostics in timeout messages.</summary>
    public int Count => _queue.Count;

    public bool TryEnqueue(PendingCommand command)
    {
        lock (_lock)
        {
            if (_closedReason is not null)
            {
                return false;
            }

            _queue.Enqueue(command);
        }

        if (!CompletionBatch.TryDeferWakeUp(this))
        {
            _signal.Set();
        }

        return true;
    }

    /// <summary>Takes everything queued so far. The writer hands the queue back via <see cref="Recycle"/>.</summary>
    public Queue<PendingCommand> TakeAll()
    {
        lock (_lock)
        {
            var taken = _queue;
            _queue = _spare;
            _spare = null!;
            return taken;
        }
    }

    public void Recycle(Queue<PendingCommand> emptied)
    {
        emptied.Clear();
        lock (_lock)
        {
            _spare = emptied;
        }
    }

    /// <summary>Puts back commands a dying connection took but never wrote, ahead of newer ones.</summary>
    public void ReturnUnwritten(Queue<PendingCommand> unwritten)
    {
        lock (_lock)
        {
            while (_queue.TryDequeue(out var newer))
            {
                unwritten.Enqueue(newer);
            }

            (_queue, unwritten) = (unwritten, _queue);
            _spare = unwritten;
        }

        _signal.Set();
    }

    public ValueTask WaitAsync() => _signal.WaitAsync();

    /// <summary>Wakes the writer so it notices its connection is closing.</summary>
    public void Wake() => _signal.Set();

    /// <summary>Wakes the writer on the calling thread (a completion batch that has finished resuming callers).</summary>
    public void WakeInline() => _signal.SetInline();

    /// <summary>Times out overdue commands and drops completed ones so a long outage cannot pile them up.</summary>
    public void Sweep(long now, Func<PendingCommand, Exception> timeoutError)
    {
        lock (_lock)
        {
            var dropped = false;
            foreach (var command in _queue)
            {
                if (now >= command.Deadline)
                {
                    command.TryFail(timeoutError(command));
                }

                dropped |= command.IsCompleted;
            }

            if (dropped)
            {
                var kept = new Queue<PendingCommand>(_queue.Where(command => !command.IsCompleted));
                _queue = kept;
            }
        }
    }

    public void Close(Exception reason)
    {
        Queue<PendingCommand> abandoned;
        lock (_lock)
        {
            _closedReason = reason;
            abandoned = _queue;
            _queue = new Queue<PendingCommand>();
        }

        foreach (var command in abandoned)
        {
            command.TryFail(reason);
        }

        _signal.Set();
    }
}
