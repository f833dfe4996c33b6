using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Agents.Budgeting;
using Platform.Agents.Contexts;
using Platform.Agents.Domain;
using Platform.Agents.Events;
using Platform.Agents.Loop;
using Platform.Agents.Persistence;
using Platform.Agents.Tasks;
using Platform.Agents.Telemetry;
using Platform.Agents.V1;

namespace Platform.Agents.Queue;

/// <summary>
/// Runs one queue entry: claims the task's lease (fenced in PostgreSQL), rebuilds its loop from the
/// persisted steps, carves its budget, runs the loop, and finishes it (outcome, budget hold released,
/// shared context released, entry acknowledged). On shutdown it hands the task back to the queue; if the
/// process dies, the entry goes idle and another replica reclaims and resumes it.
/// </summary>
public sealed partial class TaskExecution(
    TaskLeaseStore leases,
    TaskJournalStore journalStore,
    TaskQueue queue,
    SharedContextStore contexts,
    AgentLoop loop,
    TaskBudgetCarve carve,
    TaskEventHub hub,
    AgentsInstruments instruments,
    RunningTasks running,
    WorkerIdentity worker,
    IOptions<TaskQueueOptions> options,
    TimeProvider time,
    ILogger<TaskExecution> logger)
{
    private readonly TaskQueueOptions _options = options.Value;

    public async Task RunAsync(QueueEntry entry, CancellationToken shutdown)
    {
        if (running.Contains(entry.TaskId))
        {
            await queue.AckAsync(entry, CancellationToken.None); // a duplicate entry of a task already running here
            return;
        }

        ClaimResult claim;
        try
        {
            claim = await leases.ClaimAsync(entry.TaskId, worker.Id, _options.LeaseDuration, shutdown);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogClaimFailed(e, entry.TaskId);
            return; // the entry stays pending and is reclaimed later
        }
        if (claim.Status == ClaimStatus.Gone)
            await queue.AckAsync(entry, CancellationToken.None);
        if (claim.Status != ClaimStatus.Claimed)
            return;

        var row = claim.Task!;
        var lease = new TaskLease(row.TaskId, worker.Id, row.RunAttempt);
        using var signals = new TaskSignals(Deadline(row), shutdown);
        var task = new RunningTask(entry, lease, signals);
        if (!running.TryAdd(task))
            return;
        try
        {
            if (row.CancelRequested)
                signals.RequestCancel(row.CancelReason);
            if (row.RunAttempt > 1)
                instruments.Resumed();
            await RunClaimedAsync(row, task);
        }
        catch (LeaseLostException)
        {
            LogLeaseLost(row.TaskId);
        }
        catch (Exception e)
        {
            // Unfinished and unacknowledged: the entry goes idle and the task is resumed (up to MaxRunAttempts).
            LogRunFailed(e, row.TaskId);
        }
        finally
        {
            running.Remove(task);
        }
    }

    private async Task RunClaimedAsync(TaskRow row, RunningTask task)
    {
        var journal = new TaskJournal(journalStore, hub, instruments, carve, task.Lease, row.LastEventSequence, _options.LeaseDuration);
        var start = row.StartTime ?? time.GetUtcNow().UtcDateTime;
        var totals = Totals(row);
        if (row.RunAttempt > _options.MaxRunAttempts)
        {
            var giveUp = new LoopEnd(TaskOutcome.Failed, $"the task was started {row.RunAttempt} times without finishing; giving up", row.Result);
            await FinishAsync(row, task, journal, giveUp, totals, row.IterationCount, start);
            return;
        }

        var steps = await journalStore.LoadStepsAsync(row.TaskId, CancellationToken.None);
        IReadOnlyList<string> contents;
        try
        {
            contents = await contexts.LoadContentsAsync(row.Spec.ContextRefs, CancellationToken.None);
        }
        catch (AgentsException e) when (e.Kind == AgentsErrorKind.NotFound)
        {
            await FinishAsync(row, task, journal, new LoopEnd(TaskOutcome.Failed, e.Message, row.Result), totals, row.IterationCount, start);
            return;
        }

        var run = LoopRunFactory.Create(new TaskBlueprint(row.TaskId, row.Spec, row.TypeSnapshot, contents, steps, totals,
            (row.Warnings & TaskRow.TaskWarnedBit) != 0, (row.Warnings & TaskRow.AgentWarnedBit) != 0));
        await journal.StartedAsync(worker.Id, run.Iteration, time.GetUtcNow().UtcDateTime, CancellationToken.None);

        var (carveId, carveEnd) = await carve.StartAsync(run, task.Lease.Attempt, row.CarveReservationId, CancellationToken.None);
        await journal.CarveAsync(carveId, row.CarveReservationId, CancellationToken.None);
        var end = carveEnd ?? await loop.RunAsync(run, journal, task.Signals);
        if (end.Handoff)
        {
            await HandOffAsync(row, task);
            return;
        }
        await FinishAsync(row, task, journal, end, run.Totals, run.Iteration, start);
    }

    private async Task FinishAsync(TaskRow row, RunningTask task, TaskJournal journal, LoopEnd end, TaskTotals totals, int iterations, DateTime start)
    {
        await journal.FinishAsync(end, totals, iterations, start, time.GetUtcNow().UtcDateTime, CancellationToken.None);
        await carve.EndAsync(journal.CarveId.Length > 0 ? journal.CarveId : row.CarveReservationId, CancellationToken.None);
        await contexts.ReleaseAsync(row.Spec.ContextRefs, CancellationToken.None);
        await queue.AckAsync(task.Entry, CancellationToken.None);
        LogFinished(row.TaskId, end.Outcome, end.Reason);
    }

    /// <summary>Graceful shutdown: give the lease back and queue the task again, so another replica resumes it at once.</summary>
    private async Task HandOffAsync(TaskRow row, RunningTask task)
    {
        await leases.ReleaseAsync(worker.Id, [row.TaskId], CancellationToken.None);
        await queue.EnqueueAsync(row.TaskId, row.Tier, CancellationToken.None);
        await queue.AckAsync(task.Entry, CancellationToken.None);
        LogHandedOff(row.TaskId);
    }

    private static DateTime Deadline(TaskRow row)
    {
        var start = row.StartTime ?? DateTime.UtcNow;
        var deadline = start + (row.Spec.Timeout?.ToTimeSpan() ?? TaskLimits.DefaultTimeout);
        return row.CallDeadline is { } call && call < deadline ? call : deadline;
    }

    private static TaskTotals Totals(TaskRow row) => new()
    {
        InputTokens = row.InputTokens,
        OutputTokens = row.OutputTokens,
        CachedInputTokens = row.CachedInputTokens,
        CostMicros = row.CostMicros,
        WindowTokensSaved = row.WindowTokensSaved,
        SharedContextTokensSent = row.ContextTokensSent,
        SharedContextBytesSaved = row.ContextBytesSaved,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not claim task {TaskId}; its entry stays pending")]
    private partial void LogClaimFailed(Exception e, string taskId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Task {TaskId} was taken over by another worker; stopping here")]
    private partial void LogLeaseLost(string taskId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Task {TaskId} stopped unexpectedly; it will be resumed")]
    private partial void LogRunFailed(Exception e, string taskId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Task {TaskId} finished: {Outcome} ({Reason})")]
    private partial void LogFinished(string taskId, TaskOutcome outcome, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Task {TaskId} handed back to the queue (shutting down)")]
    private partial void LogHandedOff(string taskId);
}
