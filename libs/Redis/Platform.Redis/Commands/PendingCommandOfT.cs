using System.Buffers;
using System.Threading.Tasks.Sources;
using Platform.Redis.Protocol;

namespace Platform.Redis.Commands;

/// <summary>
/// A pending command whose caller awaits a <typeparamref name="T"/>. The command is its own
/// <see cref="IValueTaskSource{T}"/>, so each call allocates this object and nothing else for the await.
/// </summary>
internal abstract class PendingCommand<T> : PendingCommand, IValueTaskSource<T>
{
    // Continuations go to the thread pool: the reader loop must never run caller code inline.
    private ManualResetValueTaskSourceCore<T> _core = new() { RunContinuationsAsynchronously = true };
    private CancellationTokenRegistration _cancellation;
    private int _completed;

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

    public bool TrySetResult(T result)
    {
        if (Interlocked.Exchange(ref _completed, 1) != 0)
        {
            return false;
        }

        Finish(null);
        _core.SetResult(result);
        return true;
    }

    public override bool TryFail(Exception error)
    {
        if (Interlocked.Exchange(ref _completed, 1) != 0)
        {
            return false;
        }

        Finish(error);
        _core.SetException(error);
        return true;
    }

    public override bool OnFrame(in ReadOnlySequence<byte> frame)
    {
        if (IsCompleted)
        {
            return true; // timed out or cancelled earlier: the late reply is read and dropped
        }

        var reader = new RespReader(frame);
        var token = reader.Read();
        if (token.IsError)
        {
            TryFail(token.ToServerException());
            return true;
        }

        T result;
        try
        {
            result = Parse(ref reader, token);
        }
        catch (Exception error) when (error is RedisException or InvalidCastException or FormatException or OverflowException)
        {
            TryFail(error);
            return true;
        }

        TrySetResult(result);
        return true;
    }

    protected abstract T Parse(ref RespReader reader, in RespToken token);

    /// <summary>Runs once, before the caller sees the outcome.</summary>
    protected virtual void OnCompleted(Exception? error) { }

    private void Finish(Exception? error)
    {
        _cancellation.Unregister();
        OnCompleted(error);
        StopTelemetry(error);
    }

    T IValueTaskSource<T>.GetResult(short token) => _core.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource<T>.GetStatus(short token) => _core.GetStatus(token);

    void IValueTaskSource<T>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);
}
