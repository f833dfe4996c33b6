using Platform.Agents.Contexts;
using Platform.Agents.Domain;
using Platform.Agents.Loop;
using Platform.Agents.Memory;
using Platform.Agents.Persistence;
using Platform.Agents.Queue;
using Platform.Agents.Telemetry;
using Platform.Agents.Types;
using Platform.Agents.V1;
using Platform.Redis;

namespace Platform.Agents.Tasks;

/// <summary>
/// Accepts a task (SubmitTask and RunTask): validates it, resolves its type and agent, applies queue
/// backpressure, takes its shared context, stores it with its TaskQueued event, and queues it on its
/// tier's stream. Idempotent by key: a repeat with the same spec returns the stored task.
/// </summary>
public sealed class TaskSubmitter(
    TaskStore tasks,
    AgentTypeCatalog types,
    IAgentDirectory agents,
    SharedContextStore contexts,
    QueueBackpressure backpressure,
    TaskQueue queue,
    QueueWakeup wakeup,
    AgentsInstruments instruments,
    TimeProvider time)
{
    public async Task<SubmittedTask> SubmitAsync(TaskSpec? spec, string idempotencyKey, DateTime? callDeadline, CancellationToken cancellationToken)
    {
        TaskSpecRules.Validate(spec);
        IdempotencyKeys.Validate(idempotencyKey);
        var hash = SpecFingerprint.Of(spec!);
        if (idempotencyKey.Length > 0 && await tasks.GetByIdempotencyKeyAsync(idempotencyKey, cancellationToken) is { } existing)
            return Repeat(existing, hash);

        var type = await types.GetAsync(spec!.AgentType.Length > 0 ? spec.AgentType : BuiltInAgentTypes.General, cancellationToken);
        var resolved = TaskSpecResolver.Resolve(spec, type);
        var agent = await agents.GetAsync(spec.AgentId, cancellationToken);
        var position = await backpressure.AdmitAsync(cancellationToken);
        var use = await AcquireContextsAsync(spec, cancellationToken);
        var stored = false;
        try
        {
            CheckWindow(resolved, type, use);
            var taskId = TaskIds.New();
            var now = time.GetUtcNow().UtcDateTime;
            var (row, created) = await tasks.InsertAsync(new NewTask(taskId, resolved, type, agent.Tier, hash, idempotencyKey, now,
                callDeadline, use.Bytes, TaskEvents.Queued(taskId, now, position)), cancellationToken);
            if (!created)
                return Repeat(row, hash);
            stored = true;
            await EnqueueAsync(row, cancellationToken);
            instruments.Submitted(use.Bytes);
            return new SubmittedTask(row, true);
        }
        finally
        {
            if (!stored)
                await contexts.ReleaseAsync(use.Refs, CancellationToken.None);
        }
    }

    private static SubmittedTask Repeat(TaskRow existing, string hash) =>
        existing.RequestHash == hash
            ? new SubmittedTask(existing, false)
            : throw AgentsException.Exists(ErrorReasons.IdempotencyKeyReused,
                $"idempotency_key '{existing.IdempotencyKey}' was used for a different task ({existing.TaskId}).");

    private async Task<ContextUse> AcquireContextsAsync(TaskSpec spec, CancellationToken cancellationToken)
    {
        try
        {
            return await contexts.AcquireAsync(spec.ContextRefs, cancellationToken);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            throw AgentsException.Unavailable(ErrorReasons.StoreUnavailable, "The shared context store (Redis) is unavailable.", TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>The pinned part of every call (system prompt, shared context, goal) must leave room in the window.</summary>
    private static void CheckWindow(TaskSpec spec, AgentType type, ContextUse use)
    {
        var system = ChatTurn.System(type.SystemPrompt + PhasePrompts.CompletionHint(type.CompletionMarkers)).Tokens;
        var goal = ChatTurn.User("Goal: " + spec.Goal).Tokens;
        var shared = use.Tokens + use.Refs.Count * TokenEstimator.MessageOverhead;
        var pinned = TokenEstimator.ConversationOverhead + system + shared + goal + PhasePrompts.Longest.Tokens;
        if (pinned <= spec.MemoryWindowTokens)
            return;
        var field = shared > goal ? "spec.context_refs" : "spec.goal";
        throw AgentsException.Invalid(field,
            $"The system prompt ({system} tokens), shared context ({shared}) and goal ({goal}) need {pinned} tokens with the step instruction, " +
            $"more than the {spec.MemoryWindowTokens}-token memory window; raise spec.memory_window_tokens or send less.");
    }

    private async Task EnqueueAsync(TaskRow row, CancellationToken cancellationToken)
    {
        try
        {
            await queue.EnqueueAsync(row.TaskId, row.Tier, cancellationToken);
            wakeup.Wake();
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // Stored but not queued: the stale-task sweep queues it later; a retry with the same key returns it.
            throw AgentsException.Unavailable(ErrorReasons.StoreUnavailable,
                $"Task {row.TaskId} was stored but could not be queued (Redis unavailable); it will be queued when Redis is back.", TimeSpan.FromSeconds(1));
        }
    }
}
