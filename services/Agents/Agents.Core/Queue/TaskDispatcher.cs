using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Platform.Agents.Queue;

/// <summary>
/// Reads new entries from the tier streams (highest tier first) whenever a slot is free and starts them.
/// On shutdown it stops reading and waits for running tasks to hand themselves back to the queue.
/// </summary>
public sealed partial class TaskDispatcher(
    TaskQueue queue, TaskRunner runner, QueueWakeup wakeup, WorkerIdentity worker, IOptions<TaskQueueOptions> options, ILogger<TaskDispatcher> logger)
    : BackgroundService
{
    private readonly TaskQueueOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await EnsureGroupsAsync(stoppingToken);
        LogStarted(worker.Id, runner.Capacity);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await runner.WaitForFreeSlotAsync(_options.PollInterval, stoppingToken);
                var free = runner.Free;
                if (free == 0)
                    continue;
                IReadOnlyList<QueueEntry> entries;
                try
                {
                    entries = await queue.ReadAsync(worker.Id, free, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogReadFailed(e);
                    await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
                    continue;
                }
                foreach (var entry in entries)
                    runner.TryStart(entry, stoppingToken);
                if (entries.Count == 0)
                    await wakeup.WaitAsync(_options.PollInterval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        await runner.DrainAsync();
    }

    private async Task EnsureGroupsAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                await queue.EnsureGroupsAsync(stoppingToken);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogReadFailed(e);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Worker {Worker} consuming the task queue with {Slots} slots")]
    private partial void LogStarted(string worker, int slots);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the task queue failed; retrying")]
    private partial void LogReadFailed(Exception e);
}
