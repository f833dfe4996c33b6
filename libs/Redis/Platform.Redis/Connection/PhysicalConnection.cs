using System.Buffers;
using System.IO.Pipelines;
using Platform.Redis.Commands;
using Platform.Redis.Protocol;

namespace Platform.Redis.Connection;

/// <summary>
/// One socket to the server with its two loops: a single writer that drains the outbox in batches
/// (many commands per socket write) and a single reader that matches replies to commands in FIFO
/// order. Once it fails it stays dead; <see cref="MultiplexedConnection"/> opens a new one.
/// </summary>
internal sealed class PhysicalConnection
{
    // Flush mid-batch past this much so a huge backlog does not build one enormous buffer.
    private const int FlushThreshold = 64 * 1024;

    private readonly Stream _stream;
    private readonly PipeReader _input;
    private readonly PipeWriter _output;
    private readonly Lock _inflightLock = new();
    private readonly Queue<PendingCommand> _inflight = new();
    private readonly List<PendingCommand> _toWrite = new();
    private readonly EndpointInfo _endpoint;
    private CommandOutbox? _outbox;
    private Exception? _failure;
    private long _lastReceived = Environment.TickCount64;

    private PhysicalConnection(Stream stream, EndpointInfo endpoint)
    {
        _stream = stream;
        _endpoint = endpoint;
        _input = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024, minimumReadSize: 4096, leaveOpen: true));
        _output = PipeWriter.Create(stream, new StreamPipeWriterOptions(minimumBufferSize: 64 * 1024, leaveOpen: true));
    }

    /// <summary>Completes when both loops have ended, after a failure.</summary>
    public Task Completion { get; private set; } = Task.CompletedTask;

    public Exception? Failure => Volatile.Read(ref _failure);

    /// <summary>Commands written and socket flushes so far: their ratio shows how well writes coalesce.</summary>
    public WriteStatistics Statistics { get; } = new();

    /// <summary>Approximate (read without the lock): for diagnostics only, so a sweep never nests locks.</summary>
    public int InflightCount => _inflight.Count;

    public static async Task<PhysicalConnection> OpenAsync(RedisConnectionOptions options, EndpointInfo endpoint, CancellationToken cancellationToken)
    {
        var stream = await Transport.OpenAsync(options, cancellationToken);
        var connection = new PhysicalConnection(stream, endpoint);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.ConnectTimeout);
            await Handshake.RunAsync(connection._input, connection._output, options, timeout.Token);
            return connection;
        }
        catch (Exception error)
        {
            await stream.DisposeAsync();
            if (error is RedisServerException server)
            {
                throw new RedisConnectionException($"{endpoint} refused the connection handshake: {server.Message}", server);
            }

            if (error is OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                throw new RedisConnectionException(
                    $"{endpoint} did not answer the connection handshake within connectTimeout ({options.ConnectTimeout.TotalMilliseconds} ms).", error);
            }

            throw;
        }
    }

    public void Start(CommandOutbox outbox)
    {
        _outbox = outbox;
        var reader = Task.Run(ReadLoopAsync);
        var writer = Task.Run(() => WriteLoopAsync(outbox));
        Completion = Task.WhenAll(reader, writer);
    }

    /// <summary>Kills the connection: every command awaiting a reply fails with <see cref="RedisConnectionException"/>.</summary>
    public void Abort(Exception reason)
    {
        PendingCommand[] orphans;
        lock (_inflightLock)
        {
            if (_failure is not null)
            {
                return;
            }

            _failure = reason;
            orphans = [.. _inflight];
            _inflight.Clear();
        }

        var error = reason as RedisConnectionException
            ?? new RedisConnectionException($"The connection to {_endpoint} was lost: {reason.Message}", reason);
        foreach (var command in orphans)
        {
            command.TryFail(error);
        }

        _input.CancelPendingRead();
        _outbox?.Wake();
        _stream.Dispose();
    }

    /// <summary>
    /// Times out commands whose reply is overdue; they stay queued so their late replies are still consumed.
    /// If the oldest command is overdue by more than <paramref name="stallLimit"/> and not a byte has
    /// arrived since its deadline, the peer is presumed gone without a FIN/RST (a half-open connection)
    /// and the connection is aborted so that the owner reconnects.
    /// </summary>
    public void Sweep(long now, Func<PendingCommand, Exception> timeoutError, TimeSpan stallLimit)
    {
        PendingCommand? oldest;
        lock (_inflightLock)
        {
            foreach (var command in _inflight)
            {
                if (now >= command.Deadline)
                {
                    command.TryFail(timeoutError(command));
                }
            }

            _inflight.TryPeek(out oldest);
        }

        if (oldest is not null && now - oldest.Deadline > (long)stallLimit.TotalMilliseconds
            && Volatile.Read(ref _lastReceived) < oldest.Deadline)
        {
            Abort(new RedisConnectionException(
                $"{_endpoint} sent nothing for {stallLimit.TotalMilliseconds} ms past a command's timeout; presuming the connection dead."));
        }
    }

    private async Task WriteLoopAsync(CommandOutbox outbox)
    {
        try
        {
            while (Failure is null)
            {
                var batch = outbox.TakeAll();
                if (batch.Count == 0)
                {
                    outbox.Recycle(batch);
                    await outbox.WaitAsync();
                    continue;
                }

                if (!MoveToInflight(batch, outbox))
                {
                    return;
                }

                outbox.Recycle(batch);
                await WritePendingAsync();
            }
        }
        catch (Exception error)
        {
            Abort(new RedisConnectionException($"Writing to {_endpoint} failed: {error.Message}", error));
        }
        finally
        {
            _toWrite.Clear();
            await _output.CompleteAsync();
        }
    }

    // Commands join the reply queue before their bytes can reach the server, so a fast reply always
    // finds its command. Exactly the commands queued here are written: skipping one would misalign replies.
    private bool MoveToInflight(Queue<PendingCommand> batch, CommandOutbox outbox)
    {
        lock (_inflightLock)
        {
            if (_failure is null)
            {
                foreach (var command in batch)
                {
                    if (!command.IsCompleted)
                    {
                        _inflight.Enqueue(command);
                        _toWrite.Add(command);
                    }
                }

                return true;
            }
        }

        // Outside the lock: the outbox lock is never taken while holding this one.
        outbox.ReturnUnwritten(batch);
        return false;
    }

    private async ValueTask WritePendingAsync()
    {
        foreach (var command in _toWrite)
        {
            command.WriteTo(_output);
            if (_output.UnflushedBytes >= FlushThreshold)
            {
                Statistics.RecordFlush(0);
                await _output.FlushAsync();
            }
        }

        Statistics.RecordFlush(_toWrite.Count);
        _toWrite.Clear();
        var flush = await _output.FlushAsync();
        if (flush.IsCompleted)
        {
            throw new RedisConnectionException($"The connection to {_endpoint} closed while writing.");
        }
    }

    private async Task ReadLoopAsync()
    {
        Exception reason;
        try
        {
            while (true)
            {
                var result = await _input.ReadAsync();
                Volatile.Write(ref _lastReceived, Environment.TickCount64);
                var buffer = result.Buffer;
                var completions = new CompletionBatch();
                while (RespScanner.TryFindFrameEnd(buffer, out var end))
                {
                    Deliver(buffer.Slice(0, end), completions);
                    buffer = buffer.Slice(end);
                }

                _input.AdvanceTo(buffer.Start, buffer.End);
                if (!completions.IsEmpty)
                {
                    completions.Dispatch();
                }

                if (result.IsCompleted || result.IsCanceled)
                {
                    reason = new RedisConnectionException($"The connection to {_endpoint} was closed.");
                    break;
                }
            }
        }
        catch (Exception error)
        {
            reason = error is RedisConnectionException ? error : new RedisConnectionException($"Reading from {_endpoint} failed: {error.Message}", error);
        }

        Abort(reason);
        await _input.CompleteAsync();
    }

    private void Deliver(in ReadOnlySequence<byte> frame, CompletionBatch completions)
    {
        if (frame.FirstSpan[0] == RespPrefix.Push)
        {
            return; // RESP3 out-of-band message: not a reply to anything we sent
        }

        // Single-reply commands leave the queue before parsing (one lock per reply); a transaction
        // stays at the head until its last frame, so a dying connection can still fail it.
        PendingCommand? command;
        lock (_inflightLock)
        {
            if (!_inflight.TryPeek(out command))
            {
                throw new RedisProtocolException("The server sent a reply nobody was waiting for.");
            }

            if (!command.ExpectsSeveralFrames)
            {
                _inflight.Dequeue();
            }
        }

        if (command.OnFrame(frame, completions) && command.ExpectsSeveralFrames)
        {
            lock (_inflightLock)
            {
                if (_failure is null)
                {
                    _inflight.Dequeue();
                }
            }
        }
    }
}
