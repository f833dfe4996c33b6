using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Agents.Persistence;

namespace Platform.Agents.Queue;

/// <summary>
/// Recovers tasks whose replica died: claims queue entries idle for a lease (XAUTOCLAIM) when this replica
/// has free slots, and, as a safety net, queues again tasks whose entry was lost altogether (Redis lost
/// data, or a replica died between storing a task and queueing it).
/// </summary>
public sealed partial class TaskReclaimer(
    TaskQueue queue, TaskRunner runner, TaskLeaseStore leases, WorkerIdentity worker, IOptions<TaskQueueOptions> options, ILogger<TaskReclaimer> logger)
    : BackgroundService
{
    private readonly TaskQueueOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastSweep = DateTime.UtcNow;
        using var timer = new PeriodicTimer(_options.ReclaimInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await ReclaimAsync(stoppingToken);
                if (DateTime.UtcNow - lastSweep >= _options.StaleSweepInterval)
                {
                    lastSweep = DateTime.UtcNow;
                    await RequeueStaleAsync(stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogReclaimFailed(e);
            }
        }
    }

    private async Task ReclaimAsync(CancellationToken stoppingToken)
    {
        var free = runner.Free;
        if (free == 0)
            return;
        var entries = await queue.ReclaimAsync(worker.Id, free, stoppingToken);
        foreach (var entry in entries)
            runner.TryStart(entry, stoppingToken);
        if (entries.Count > 0)
            LogReclaimed(entries.Count);
    }

    private async Task RequeueStaleAsync(CancellationToken stoppingToken)
    {
        var stale = await leases.TakeStaleAsync(_options.LeaseDuration * 3, _options.RequeueAfter, 200, stoppingToken);
        foreach (var (taskId, tier) in stale)
            await queue.EnqueueAsync(taskId, tier, stoppingToken);
        if (stale.Count > 0)
            LogRequeued(stale.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reclaimed {Count} tasks from stopped workers")]
    private partial void LogReclaimed(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queued {Count} tasks again whose queue entry was lost")]
    private partial void LogRequeued(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reclaiming tasks failed; retrying next tick")]
    private partial void LogReclaimFailed(Exception e);
}
