using Platform.Agents.Budgeting;
using Platform.Agents.Events;
using Platform.Agents.Loop;
using Platform.Agents.Persistence;
using Platform.Agents.Telemetry;
using Platform.Agents.V1;

namespace Platform.Agents.Queue;

/// <summary>
/// One run of a task, as the worker records it: events get the next sequence numbers, each write is made
/// under the lease, then published to local watchers; after each step the budget carve-out shrinks to
/// what the cap has left.
/// </summary>
public sealed class TaskJournal(
    TaskJournalStore store, TaskEventHub hub, AgentsInstruments instruments, TaskBudgetCarve carve, TaskLease lease, long lastSequence, TimeSpan leaseDuration)
    : ITaskJournal
{
    private long _sequence = lastSequence;

    public string CarveId { get; private set; } = "";

    public async Task StartedAsync(string worker, int fromIteration, DateTime now, CancellationToken cancellationToken) =>
        await AppendAsync([TaskEvents.Started(lease.TaskId, _sequence + 1, now, worker, lease.Attempt, fromIteration)], cancellationToken);

    public async Task CarveAsync(string reservationId, string previous, CancellationToken cancellationToken)
    {
        CarveId = reservationId;
        if (reservationId != previous)
            await store.SetCarveAsync(lease, reservationId, cancellationToken);
    }

    public async Task RecordStepAsync(StepRecord step, LoopRun run, IReadOnlyList<TaskBudgetWarning> warnings, CancellationToken cancellationToken)
    {
        var events = new List<TaskEvent>(1 + warnings.Count) { TaskEvents.Step(lease.TaskId, _sequence + 1, step, run.Totals) };
        foreach (var warning in warnings)
            events.Add(TaskEvents.Warning(lease.TaskId, _sequence + events.Count + 1, step.Time, warning));
        var bits = (run.TaskWarned ? TaskRow.TaskWarnedBit : 0) | (run.AgentWarned ? TaskRow.AgentWarnedBit : 0);

        await store.RecordStepAsync(lease, new StepWrite(step, run.Totals, bits, events), leaseDuration, cancellationToken);
        _sequence = events[^1].Sequence;
        foreach (var taskEvent in events)
            hub.Publish(taskEvent);
        instruments.Step(step);

        if (run.Caps.Any)
            await CarveAsync(await carve.AfterStepAsync(run, lease.Attempt, CarveId, cancellationToken), CarveId, cancellationToken);
    }

    public async Task FinishAsync(LoopEnd end, TaskTotals totals, int iterations, DateTime start, DateTime now, CancellationToken cancellationToken)
    {
        var finished = TaskEvents.Finished(lease.TaskId, _sequence + 1, now, new TaskFinished
        {
            Outcome = end.Outcome,
            Reason = end.Reason,
            Result = end.Result,
            IterationCount = iterations,
            Usage = TaskViews.Usage(totals.InputTokens, totals.OutputTokens, totals.CachedInputTokens),
            CostMicros = totals.CostMicros,
            DurationMs = (long)Math.Max(0, (now - start).TotalMilliseconds),
            Memory = TaskEvents.Memory(totals),
        });
        await store.FinishAsync(lease, end, now, finished, cancellationToken);
        _sequence = finished.Sequence;
        hub.Publish(finished);
        instruments.Finished(end.Outcome);
    }

    private async Task AppendAsync(IReadOnlyList<TaskEvent> events, CancellationToken cancellationToken)
    {
        await store.AppendEventsAsync(lease, events, cancellationToken);
        _sequence = events[^1].Sequence;
        foreach (var taskEvent in events)
            hub.Publish(taskEvent);
    }
}
