using Grpc.Core;
using Platform.Agents.V1;
using Platform.Routing.V1;

namespace Platform.Agents.Tests.Infrastructure;

/// <summary>Task specs and calls the integration tests share.</summary>
public static class TaskCalls
{
    /// <summary>A task on one test model (no fallback), finishing after <paramref name="doneAfter"/> LLM turns per llm-sim's script.</summary>
    public static TaskSpec Spec(string agentId, string goal, int? doneAfter = 3, string model = TestModels.Fast, string script = "") => new()
    {
        AgentId = agentId,
        Goal = goal + (script.Length > 0 ? $" [[sim:{script}]]" : doneAfter is { } n ? $" [[sim:done-after:{n}]]" : ""),
        ModelPolicy = new ModelPolicy { Model = model, Hints = new RoutingHints { DisableFallback = true } },
    };

    public static DateTime Deadline(int seconds = 120) => DateTime.UtcNow.AddSeconds(seconds);

    /// <summary>Runs a task with RunTask and collects its whole event stream.</summary>
    public static async Task<List<TaskEvent>> RunAsync(AgentService.AgentServiceClient client, RunTaskRequest request, int seconds = 120)
    {
        using var call = client.RunTask(request, deadline: Deadline(seconds));
        var events = new List<TaskEvent>();
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
            events.Add(call.ResponseStream.Current.Event);
        return events;
    }

    /// <summary>Polls GetTask until the task is FINISHED (bounded by <paramref name="timeout"/>).</summary>
    public static async Task<AgentTask> WaitFinishedAsync(AgentService.AgentServiceClient client, string taskId, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(120));
        while (true)
        {
            var task = (await client.GetTaskAsync(new GetTaskRequest { TaskId = taskId }, deadline: Deadline(30))).Task;
            if (task.State == TaskState.Finished)
                return task;
            if (DateTime.UtcNow > until)
                throw new TimeoutException($"Task {taskId} is still {task.State} after {timeout}: {task}");
            await Task.Delay(200);
        }
    }

    public static string Reason(RpcException e) => e.Trailers.GetValue("platform-error-reason") ?? "";
}
