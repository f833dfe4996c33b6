using Microsoft.Extensions.Options;
using Platform.Agents.Domain;
using Platform.Redis;

namespace Platform.Agents.Queue;

/// <summary>
/// Refuses submissions while the queue is past its bound (RESOURCE_EXHAUSTED, QUEUE_FULL, with a retry
/// hint that grows with the overflow), so a load spike becomes a clear "come back later" instead of a
/// backlog that never drains. The queue length is read at most every 200 ms and counted up locally in
/// between; a submission that would be refused on that estimate reads it again first, so tasks that
/// started meanwhile are not held against the caller.
/// </summary>
public sealed class QueueBackpressure(TaskQueue queue, IOptions<TaskQueueOptions> options, TimeProvider time)
{
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromMilliseconds(200);
    private readonly TaskQueueOptions _options = options.Value;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private long _waiting;
    private DateTime _readAt = DateTime.MinValue;

    /// <summary>The last known number of waiting tasks (for gauges).</summary>
    public long Waiting => Interlocked.Read(ref _waiting);

    /// <summary>Admits one more task and returns its approximate queue position, or throws QUEUE_FULL.</summary>
    public async Task<int> AdmitAsync(CancellationToken cancellationToken)
    {
        if (time.GetUtcNow().UtcDateTime - _readAt > RefreshEvery)
            await RefreshAsync(RefreshEvery, cancellationToken);
        var waiting = Interlocked.Increment(ref _waiting);
        if (waiting > _options.MaxQueuedTasks)
        {
            Interlocked.Decrement(ref _waiting);
            await RefreshAsync(TimeSpan.FromMilliseconds(20), cancellationToken);
            waiting = Interlocked.Increment(ref _waiting);
        }
        if (waiting > _options.MaxQueuedTasks)
        {
            Interlocked.Decrement(ref _waiting);
            var overflow = Math.Min(8.0, 1.0 + (double)(waiting - _options.MaxQueuedTasks) / Math.Max(1, _options.MaxQueuedTasks));
            throw new AgentsException(AgentsErrorKind.ResourceExhausted, Domain.ErrorReasons.QueueFull,
                $"The task queue is full ({waiting - 1} waiting, bound {_options.MaxQueuedTasks}); retry later.",
                retryAfter: _options.QueueFullRetryAfter * overflow);
        }
        return (int)Math.Min(int.MaxValue, waiting);
    }

    private async Task RefreshAsync(TimeSpan maxAge, CancellationToken cancellationToken)
    {
        var asked = time.GetUtcNow().UtcDateTime;
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            // Another caller may have read it while this one waited for the lock.
            if (_readAt >= asked || time.GetUtcNow().UtcDateTime - _readAt <= maxAge)
                return;
            long waiting;
            try
            {
                waiting = await queue.WaitingAsync(cancellationToken);
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                throw AgentsException.Unavailable(Domain.ErrorReasons.StoreUnavailable, "The task queue (Redis) is unavailable.", TimeSpan.FromSeconds(1));
            }
            Interlocked.Exchange(ref _waiting, waiting);
            _readAt = time.GetUtcNow().UtcDateTime;
        }
        finally
        {
            _refresh.Release();
        }
    }
}
