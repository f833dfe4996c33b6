using System.Buffers;
using System.Threading.Tasks.Sources;
using Platform.Redis.Protocol;

namespace Platform.Redis.Commands;

/// <summary>
/// A pending command whose caller awaits a <typeparamref name="T"/>. The command is its own
/// <see cref="IValueTaskSource{T}"/>, so each call allocates this object and nothing else for the await.
/// Completion has two steps: deciding the outcome (first of reply, timeout, cancellation, lost
/// connection wins) and resuming the caller, which never happens on the reader loop.
/// </summary>
internal abstract class PendingCommand<T> : PendingCommand, IValueTaskSource<T>
{
    // Inline continuations: resuming happens only where we choose (a completion batch or a
    // thread-pool item), never on whichever thread decided the outcome.
    private ManualResetValueTaskSourceCore<T> _core = new() { RunContinuationsAsynchronously = false };
    private CancellationTokenRegistration _cancellation;
    private T? _result;
    private Exception? _error;
    private int _completed;
    private int _resumed;

    protected PendingCommand(CommandName name) : base(name) { }

    public override bool IsCompleted => Volatile.Read(ref _completed) != 0;

    public ValueTask<T> AsValueTask() => new(this, _core.Version);

    /// <summary>Completes the command with <see cref="OperationCanceledException"/> if the token fires first.</summary>
    public void RegisterCancellation(CancellationToken cancellationToken)
    {
        if (cancellationToken.CanBeCanceled)
        {
            _cancellation = cancellationToken.UnsafeRegister(
                static (state, token) => ((PendingCommand<T>)state!).TryFail(new OperationCanceledException(token)),
                this);
        }
    }

    public bool TrySetResult(T result, CompletionBatch? completions = null)
    {
        if (Interlocked.Exchange(ref _completed, 1) != 0)
        {
            return false;
        }

        _result = result;
        Finish(null, completions);
        return true;
    }

    public override bool TryFail(Exception error) => TryFail(error, null);

    public bool TryFail(Exception error, CompletionBatch? completions)
    {
        if (Interlocked.Exchange(ref _completed, 1) != 0)
        {
            return false;
        }

        _error = error;
        Finish(error, completions);
        return true;
    }

    public override bool OnFrame(in ReadOnlySequence<byte> frame, CompletionBatch? completions)
    {
        if (IsCompleted)
        {
            return true; // timed out or cancelled earlier: the late reply is read and dropped
        }

        var reader = new RespReader(frame);
        var token = reader.Read();
        if (token.IsError)
        {
            TryFail(token.ToServerException(), completions);
            return true;
        }

        T result;
        try
        {
            result = Parse(ref reader, token);
        }
        catch (Exception error) when (error is RedisException or InvalidCastException or FormatException or OverflowException)
        {
            TryFail(error, completions);
            return true;
        }

        TrySetResult(result, completions);
        return true;
    }

    public override void ResumeCallerInline()
    {
        if (Interlocked.Exchange(ref _resumed, 1) != 0)
        {
            return;
        }

        if (_error is { } error)
        {
            _core.SetException(error);
        }
        else
        {
            _core.SetResult(_result!);
        }
    }

    public override void ResumeCallerOnThreadPool()
    {
        if (Volatile.Read(ref _resumed) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static command => command.ResumeCallerInline(), this, preferLocal: false);
        }
    }

    protected abstract T Parse(ref RespReader reader, in RespToken token);

    /// <summary>Runs once, when the outcome is decided, before the caller is resumed.</summary>
    protected virtual void OnCompleted(Exception? error, CompletionBatch? completions) { }

    private void Finish(Exception? error, CompletionBatch? completions)
    {
        _cancellation.Unregister();
        OnCompleted(error, completions);
        StopTelemetry(error);
        if (completions is null)
        {
            ResumeCallerOnThreadPool();
        }
        else
        {
            completions.Add(this);
        }
    }

    T IValueTaskSource<T>.GetResult(short token) => _core.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource<T>.GetStatus(short token) => _core.GetStatus(token);

    void IValueTaskSource<T>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);
}
