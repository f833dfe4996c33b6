using System.Runtime.CompilerServices;
using Platform.Agents.Domain;
using Platform.Agents.Persistence;
using Platform.Agents.V1;

namespace Platform.Agents.Events;

/// <summary>
/// WatchTask: a task's persisted events after a sequence, then its live ones, ending after TaskFinished.
/// Live events come from this replica's hub when the task runs here; otherwise (or after a gap) they are
/// read from PostgreSQL, at the latest every poll interval.
/// </summary>
public sealed class TaskEventWatcher(TaskStore tasks, TaskEventStore events, TaskEventHub hub)
{
    private const int BatchSize = 500;

    public static TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Checks the request (NOT_FOUND, bad cursor) before the first event, so callers can fail early.</summary>
    public async Task<IAsyncEnumerable<TaskEvent>> OpenAsync(string taskId, long afterSequence, CancellationToken cancellationToken)
    {
        if (taskId.Length == 0)
            throw AgentsException.Invalid("task_id", "task_id is required.");
        if (afterSequence < 0)
            throw AgentsException.Invalid("after_sequence", "after_sequence must not be negative.");
        _ = await tasks.GetAsync(taskId, cancellationToken)
            ?? throw AgentsException.NotFound(ErrorReasons.TaskNotFound, $"Task {taskId} does not exist.");
        return WatchAsync(taskId, afterSequence, cancellationToken);
    }

    private async IAsyncEnumerable<TaskEvent> WatchAsync(string taskId, long last, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var live = hub.Subscribe(taskId);
        while (true)
        {
            IReadOnlyList<TaskEvent> stored;
            do
            {
                stored = await events.ReadAfterAsync(taskId, last, BatchSize, cancellationToken);
                foreach (var taskEvent in stored)
                {
                    yield return taskEvent;
                    last = taskEvent.Sequence;
                    if (taskEvent.KindCase == TaskEvent.KindOneofCase.Finished)
                        yield break;
                }
            }
            while (stored.Count == BatchSize);

            // Follow live events while they arrive in order; anything else sends us back to the database.
            while (await NextLiveAsync(live, cancellationToken) is { } taskEvent)
            {
                if (taskEvent.Sequence <= last)
                    continue;
                if (taskEvent.Sequence != last + 1)
                    break;
                yield return taskEvent;
                last = taskEvent.Sequence;
                if (taskEvent.KindCase == TaskEvent.KindOneofCase.Finished)
                    yield break;
            }
        }
    }

    private static async Task<TaskEvent?> NextLiveAsync(TaskEventHub.Subscription live, CancellationToken cancellationToken)
    {
        if (live.Reader.TryRead(out var ready))
            return ready;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(PollInterval);
        try
        {
            return await live.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}
