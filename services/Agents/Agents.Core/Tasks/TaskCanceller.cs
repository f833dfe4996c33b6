using Platform.Agents.Contexts;
using Platform.Agents.Domain;
using Platform.Agents.Events;
using Platform.Agents.Persistence;
using Platform.Agents.Queue;
using Platform.Agents.Telemetry;
using Platform.Agents.V1;

namespace Platform.Agents.Tasks;

/// <summary>
/// CancelTask: a queued task finishes CANCELLED at once; a running one is flagged, and its worker cancels
/// the in-flight LLM call: immediately when it runs on this replica, within a heartbeat otherwise.
/// </summary>
public sealed class TaskCanceller(TaskStore tasks, RunningTasks running, TaskEventHub hub, SharedContextStore contexts, AgentsInstruments instruments, TimeProvider time)
{
    public async Task<TaskRow> CancelAsync(string taskId, string reason, CancellationToken cancellationToken)
    {
        if (taskId.Length == 0)
            throw AgentsException.Invalid("task_id", "task_id is required.");
        if (reason.Length > 1024)
            throw AgentsException.Invalid("reason", "reason is longer than 1024 characters.");
        reason = reason.Length > 0 ? reason : "cancelled by CancelTask";

        var result = await tasks.RequestCancelAsync(taskId, reason, time.GetUtcNow().UtcDateTime, cancellationToken)
            ?? throw AgentsException.NotFound(ErrorReasons.TaskNotFound, $"Task {taskId} does not exist.");
        if (result.FinishedEvent is { } finished)
        {
            hub.Publish(finished);
            instruments.Finished(TaskOutcome.Cancelled);
            await contexts.ReleaseAsync(result.Task.Spec.ContextRefs, CancellationToken.None);
        }
        else if (result.Task.State == TaskState.Running && running.TryGet(taskId, out var local))
        {
            local.Signals.RequestCancel(reason);
        }
        return result.Task;
    }
}
