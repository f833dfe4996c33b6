using Platform.Redis.Commands;

namespace Platform.Redis.Connection;

/// <summary>
/// The logical connection callers share: an outbox of commands, the current physical connection, a
/// background loop that reconnects with backoff whenever that connection dies, and a sweep that times
/// out overdue commands wherever they are (queued during an outage, or awaiting a reply).
/// </summary>
internal sealed class MultiplexedConnection : IAsyncDisposable
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MinimumStallLimit = TimeSpan.FromSeconds(3);

    private readonly RedisConnectionOptions _options;
    private readonly CommandOutbox _outbox = new();
    private readonly CancellationTokenSource _shutdown = new();
    private readonly TaskCompletionSource<Exception?> _initialOutcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Func<PendingCommand, Exception> _timeoutError;
    private readonly TimeSpan _stallLimit;
    private readonly Timer _sweepTimer;
    private readonly Task _connectLoop;
    private volatile PhysicalConnection? _current;
    private volatile Exception? _lastError;
    private int _disposed;

    public MultiplexedConnection(RedisConnectionOptions options)
    {
        _options = options;
        Endpoint = new EndpointInfo(options.Host, options.Port, options.DefaultDatabase);
        _timeoutError = CreateTimeoutError;
        _stallLimit = options.CommandTimeout * 2 > MinimumStallLimit ? options.CommandTimeout * 2 : MinimumStallLimit;
        _sweepTimer = new Timer(static state => ((MultiplexedConnection)state!).Sweep(), this, SweepInterval, SweepInterval);
        _connectLoop = Task.Run(ConnectLoopAsync);
    }

    public EndpointInfo Endpoint { get; }

    public bool IsConnected => _current is not null;

    /// <summary>Write statistics of the current physical connection (they restart with each reconnection).</summary>
    public WriteStatistics? CurrentWriteStatistics => _current?.Statistics;

    /// <summary>Null once connected; the last error once the first attempts (connectRetry, or one if not aborting) failed.</summary>
    public Task<Exception?> InitialOutcome => _initialOutcome.Task;

    public ValueTask<T> SendAsync<T>(PendingCommand<T> command, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<T>(cancellationToken);
        }

        command.SetDeadline(_options.CommandTimeout);
        command.StartTelemetry(Endpoint);
        command.RegisterCancellation(cancellationToken);
        if (!_outbox.TryEnqueue(command))
        {
            command.TryFail(new ObjectDisposedException(nameof(RedisConnection), "The Redis connection has been disposed."));
        }

        return command.AsValueTask();
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _shutdown.Cancel();
        await _sweepTimer.DisposeAsync();
        var disposed = new ObjectDisposedException(nameof(RedisConnection), "The Redis connection has been disposed.");
        _outbox.Close(disposed);
        _current?.Abort(new RedisConnectionException("The Redis connection has been disposed.", disposed));
        await _connectLoop;
        _shutdown.Dispose();
    }

    private async Task ConnectLoopAsync()
    {
        var failures = 0;
        var everConnected = false;
        var attemptsBeforeGivingUp = _options.AbortOnConnectFail ? _options.ConnectRetry : 1;
        while (!_shutdown.IsCancellationRequested)
        {
            PhysicalConnection connection;
            try
            {
                connection = await PhysicalConnection.OpenAsync(_options, Endpoint, _shutdown.Token);
            }
            catch (Exception error) when (!_shutdown.IsCancellationRequested)
            {
                _lastError = error;
                if (++failures >= attemptsBeforeGivingUp)
                {
                    _initialOutcome.TrySetResult(error);
                }

                if (!await DelayAsync(ReconnectBackoff.Delay(failures)))
                {
                    break;
                }

                continue;
            }
            catch (Exception)
            {
                break; // shutting down: whatever the open failed with no longer matters
            }

            if (everConnected)
            {
                RedisInstrumentation.Reconnects.Add(1);
            }

            everConnected = true;
            failures = 0;
            connection.Start(_outbox);
            _current = connection;
            _initialOutcome.TrySetResult(null);
            if (_shutdown.IsCancellationRequested)
            {
                connection.Abort(new RedisConnectionException("The Redis connection has been disposed."));
            }

            await connection.Completion;
            _current = null;
            _lastError = connection.Failure;
        }

        _initialOutcome.TrySetResult(new ObjectDisposedException(nameof(RedisConnection)));
    }

    private async Task<bool> DelayAsync(TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, _shutdown.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private void Sweep()
    {
        var now = Environment.TickCount64;
        _outbox.Sweep(now, _timeoutError);
        _current?.Sweep(now, _timeoutError, _stallLimit);
    }

    private Exception CreateTimeoutError(PendingCommand command)
    {
        var current = _current;
        var state = current is null
            ? $"not connected; last error: {_lastError?.Message ?? "none"}"
            : $"connected, {current.InflightCount} awaiting replies";
        var blocking = command.IsBlocking ? $" (+ {command.ServerBlockTime.TotalMilliseconds} ms BLOCK)" : string.Empty;
        return new RedisTimeoutException(
            $"Timeout waiting for the reply to {command.Name} after {_options.CommandTimeout.TotalMilliseconds} ms{blocking} " +
            $"({Endpoint}, {state}, {_outbox.Count} queued).");
    }
}
