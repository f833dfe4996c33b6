using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Agents.Persistence;

namespace Platform.Agents.Queue;

/// <summary>
/// The heartbeat of this replica's running tasks: renews their leases in PostgreSQL (and learns of
/// cancellations requested on other replicas) every HeartbeatInterval, and resets their queue entries'
/// idle time a few times per lease so no other replica reclaims them. A task whose lease was taken over
/// is stopped.
/// </summary>
public sealed partial class LeaseKeeper(
    RunningTasks running, TaskLeaseStore leases, TaskQueue queue, WorkerIdentity worker, IOptions<TaskQueueOptions> options, ILogger<LeaseKeeper> logger)
    : BackgroundService
{
    private readonly TaskQueueOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var keepAliveEvery = TimeSpan.FromTicks(Math.Max(_options.HeartbeatInterval.Ticks, _options.LeaseDuration.Ticks / 3));
        var lastKeepAlive = DateTime.UtcNow;
        using var timer = new PeriodicTimer(_options.HeartbeatInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var tasks = running.Snapshot();
            if (tasks.Length == 0)
                continue;
            try
            {
                await RenewAsync(tasks, stoppingToken);
                if (DateTime.UtcNow - lastKeepAlive >= keepAliveEvery)
                {
                    await queue.KeepAliveAsync(worker.Id, tasks.Select(t => t.Entry), stoppingToken);
                    lastKeepAlive = DateTime.UtcNow;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogHeartbeatFailed(e, tasks.Length);
            }
        }
    }

    private async Task RenewAsync(RunningTask[] tasks, CancellationToken cancellationToken)
    {
        var renewals = await leases.RenewAsync(worker.Id, tasks.Select(t => t.TaskId).ToArray(), _options.LeaseDuration, cancellationToken);
        var renewed = renewals.ToDictionary(r => r.TaskId, StringComparer.Ordinal);
        foreach (var task in tasks)
        {
            if (!renewed.TryGetValue(task.TaskId, out var renewal))
            {
                if (running.TryGet(task.TaskId, out var still) && ReferenceEquals(still, task))
                    task.Signals.RequestCancel("this worker's lease was taken over by another worker");
            }
            else if (renewal.CancelRequested)
            {
                task.Signals.RequestCancel(renewal.CancelReason);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Heartbeat of {Count} running tasks failed; retrying next tick")]
    private partial void LogHeartbeatFailed(Exception e, int count);
}
