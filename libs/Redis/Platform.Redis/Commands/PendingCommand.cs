using System.Buffers;
using Platform.Redis.Connection;
using Platform.Redis.Protocol;
using Platform.Redis.Telemetry;

namespace Platform.Redis.Commands;

/// <summary>
/// A command on its way through a connection: queued, written, then waiting for its reply. Whatever
/// happens first - reply, timeout, cancellation, lost connection - completes it; anything later is
/// ignored. The connection keeps reading a completed command's reply so replies stay in order.
/// </summary>
internal abstract class PendingCommand
{
    private CommandTelemetry _telemetry;

    protected PendingCommand(CommandName name) => Name = name;

    public CommandName Name { get; }

    /// <summary>When the command times out, in <see cref="Environment.TickCount64"/> milliseconds.</summary>
    public long Deadline { get; private set; } = long.MaxValue;

    /// <summary>How long the server may legitimately hold the reply (a BLOCK argument); added to the timeout.</summary>
    public TimeSpan ServerBlockTime { get; init; }

    /// <summary>Blocking commands run on a dedicated connection; <see cref="Timeout.InfiniteTimeSpan"/> means BLOCK 0 (no server-side limit).</summary>
    public bool IsBlocking => ServerBlockTime != TimeSpan.Zero;

    public abstract bool IsCompleted { get; }

    /// <summary>True for MULTI/EXEC, whose reply spans several frames.</summary>
    public virtual bool ExpectsSeveralFrames => false;

    public abstract void WriteTo(IBufferWriter<byte> output);

    /// <summary>
    /// Hands the command one reply frame; true when it needs no more. A command completed by the frame
    /// joins <paramref name="completions"/> so its caller is resumed off the reader loop.
    /// </summary>
    public abstract bool OnFrame(in ReadOnlySequence<byte> frame, CompletionBatch? completions);

    /// <summary>Completes with an error (first outcome wins); the caller is resumed on the thread pool.</summary>
    public abstract bool TryFail(Exception error);

    /// <summary>Resumes the awaiting caller on the current thread, unless someone already did.</summary>
    public abstract void ResumeCallerInline();

    /// <summary>Resumes the awaiting caller on a thread-pool thread, unless someone already did.</summary>
    public abstract void ResumeCallerOnThreadPool();

    public void SetDeadline(TimeSpan timeout) =>
        Deadline = ServerBlockTime == Timeout.InfiniteTimeSpan
            ? long.MaxValue
            : Environment.TickCount64 + (long)(timeout + ServerBlockTime).TotalMilliseconds;

    public void StartTelemetry(EndpointInfo endpoint) => _telemetry.Start(Name.Name, endpoint);

    protected void StopTelemetry(Exception? error) => _telemetry.Stop(Name.Name, error);
}
