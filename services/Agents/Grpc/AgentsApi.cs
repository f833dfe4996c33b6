using Grpc.Core;
using Platform.Agents.Contexts;
using Platform.Agents.Events;
using Platform.Agents.Persistence;
using Platform.Agents.Tasks;
using Platform.Agents.Types;
using Platform.Agents.V1;

namespace Platform.Agents.Grpc;

/// <summary>
/// The gRPC face of the agents service: maps requests to the engine and its answers back. Errors are
/// mapped by <see cref="AgentsErrorInterceptor"/>.
/// </summary>
public sealed class AgentsApi(
    TaskSubmitter submitter, TaskQueries queries, TaskCanceller canceller, TaskEventWatcher watcher, AgentTypeCatalog types, SharedContextStore contexts)
    : AgentService.AgentServiceBase
{
    public override async Task RunTask(RunTaskRequest request, IServerStreamWriter<RunTaskResponse> responseStream, ServerCallContext context)
    {
        DateTime? callDeadline = context.Deadline < DateTime.MaxValue ? context.Deadline.ToUniversalTime() : null;
        var submitted = await submitter.SubmitAsync(request.Spec, request.IdempotencyKey, callDeadline, context.CancellationToken);
        var taskId = submitted.Task.TaskId;
        var events = await watcher.OpenAsync(taskId, 0, context.CancellationToken);
        try
        {
            await foreach (var taskEvent in events)
                await responseStream.WriteAsync(new RunTaskResponse { Event = taskEvent });
        }
        catch (Exception) when (context.CancellationToken.IsCancellationRequested)
        {
            // The caller went away. Its deadline ends the task by itself (DEADLINE_EXCEEDED); anything else cancels it.
            var deadlinePassed = callDeadline is { } deadline && DateTime.UtcNow >= deadline - TimeSpan.FromMilliseconds(50);
            if (!request.DetachOnDisconnect && !deadlinePassed)
                await canceller.CancelAsync(taskId, "the RunTask caller cancelled the call or disconnected", CancellationToken.None);
            throw;
        }
    }

    public override async Task<SubmitTaskResponse> SubmitTask(SubmitTaskRequest request, ServerCallContext context)
    {
        var submitted = await submitter.SubmitAsync(request.Spec, request.IdempotencyKey, null, context.CancellationToken);
        return new SubmitTaskResponse { Task = TaskViews.ToAgentTask(submitted.Task), Created = submitted.Created };
    }

    public override async Task<GetTaskResponse> GetTask(GetTaskRequest request, ServerCallContext context) =>
        new() { Task = TaskViews.ToAgentTask(await queries.GetAsync(request.TaskId, context.CancellationToken)) };

    public override async Task<ListTasksResponse> ListTasks(ListTasksRequest request, ServerCallContext context)
    {
        var (rows, next) = await queries.ListAsync(ListMapping.Filter(request), request.PageSize, request.PageToken, context.CancellationToken);
        var response = new ListTasksResponse { NextPageToken = next };
        response.Tasks.Add(rows.Select(TaskViews.ToAgentTask));
        return response;
    }

    public override async Task<CancelTaskResponse> CancelTask(CancelTaskRequest request, ServerCallContext context) =>
        new() { Task = TaskViews.ToAgentTask(await canceller.CancelAsync(request.TaskId, request.Reason, context.CancellationToken)) };

    public override async Task WatchTask(WatchTaskRequest request, IServerStreamWriter<WatchTaskResponse> responseStream, ServerCallContext context)
    {
        var events = await watcher.OpenAsync(request.TaskId, request.AfterSequence, context.CancellationToken);
        await foreach (var taskEvent in events.WithCancellation(context.CancellationToken))
            await responseStream.WriteAsync(new WatchTaskResponse { Event = taskEvent });
    }

    public override async Task<ListAgentTypesResponse> ListAgentTypes(ListAgentTypesRequest request, ServerCallContext context)
    {
        var (page, nextAfter) = await types.ListAsync(ListMapping.DecodeTypeToken(request.PageToken), ListMapping.TypePageSize(request.PageSize), context.CancellationToken);
        var response = new ListAgentTypesResponse { NextPageToken = ListMapping.EncodeTypeToken(nextAfter) };
        response.AgentTypes.Add(page);
        return response;
    }

    public override async Task<GetAgentTypeResponse> GetAgentType(GetAgentTypeRequest request, ServerCallContext context)
    {
        AgentTypeRules.ValidateName(request.Name);
        return new GetAgentTypeResponse { AgentType = await types.GetAsync(request.Name, context.CancellationToken) };
    }

    public override async Task<RegisterAgentTypeResponse> RegisterAgentType(RegisterAgentTypeRequest request, ServerCallContext context)
    {
        var (type, created) = await types.RegisterAsync(request.AgentType, request.AllowOverwrite, context.CancellationToken);
        return new RegisterAgentTypeResponse { AgentType = type, Created = created };
    }

    public override async Task<PutSharedContextResponse> PutSharedContext(PutSharedContextRequest request, ServerCallContext context)
    {
        var (stored, created) = await contexts.PutAsync(request.Content, request.MediaType, request.Description, context.CancellationToken);
        return new PutSharedContextResponse { Context = stored, Created = created };
    }

    public override async Task<GetSharedContextResponse> GetSharedContext(GetSharedContextRequest request, ServerCallContext context) =>
        new() { Context = await contexts.GetAsync(request.ContextRef, context.CancellationToken) };
}
