using Grpc.Core;
using Platform.Agents.Tests.Infrastructure;
using Platform.Agents.V1;

namespace Platform.Agents.Tests.Integration;

/// <summary>SubmitTask, GetTask, ListTasks, WatchTask, agent types, queued cancellation and queue backpressure.</summary>
[Collection(ChainFixture.Collection)]
public sealed class TaskApiTests(ChainFixture chain)
{
    private AgentService.AgentServiceClient Client => chain.Agents.Client;

    [Fact]
    public async Task Submitted_tasks_can_be_polled_listed_by_filter_and_page_and_watched()
    {
        var agent = "api-" + Guid.NewGuid().ToString("N")[..10];
        await chain.RegisterAgentAsync(agent);
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var response = await Client.SubmitTaskAsync(new SubmitTaskRequest { Spec = TaskCalls.Spec(agent, $"Goal number {i}.", doneAfter: 3) }, deadline: TaskCalls.Deadline());
            Assert.True(response.Created);
            Assert.Equal(TaskState.Queued, response.Task.State);
            Assert.Equal("general", response.Task.Spec.AgentType);
            Assert.Equal(100, response.Task.Spec.MaxIterations);
            ids.Add(response.Task.TaskId);
        }
        foreach (var id in ids)
            Assert.Equal(TaskOutcome.Completed, (await TaskCalls.WaitFinishedAsync(Client, id)).Outcome);

        // Newest first, two per page, no task twice, filters kept by the token.
        var listed = new List<string>();
        var token = "";
        do
        {
            var page = await Client.ListTasksAsync(new ListTasksRequest { AgentId = agent, PageSize = 2, PageToken = token, States = { TaskState.Finished } },
                deadline: TaskCalls.Deadline());
            Assert.True(page.Tasks.Count <= 2);
            listed.AddRange(page.Tasks.Select(t => t.TaskId));
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        Assert.Equal(Enumerable.Reverse(ids), listed);
        var other = await Client.ListTasksAsync(new ListTasksRequest { AgentId = agent, Outcomes = { TaskOutcome.Cancelled } }, deadline: TaskCalls.Deadline());
        Assert.Empty(other.Tasks);
        var firstPage = await Client.ListTasksAsync(new ListTasksRequest { AgentId = agent, PageSize = 2 }, deadline: TaskCalls.Deadline());
        var mismatch = await Assert.ThrowsAsync<RpcException>(() => Client.ListTasksAsync(
            new ListTasksRequest { AgentId = agent + "x", PageSize = 2, PageToken = firstPage.NextPageToken }, deadline: TaskCalls.Deadline()).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, mismatch.StatusCode);

        // WatchTask replays a finished task's events after a cursor, then ends.
        using var watch = Client.WatchTask(new WatchTaskRequest { TaskId = ids[0], AfterSequence = 2 }, deadline: TaskCalls.Deadline());
        var replay = new List<TaskEvent>();
        while (await watch.ResponseStream.MoveNext(CancellationToken.None))
            replay.Add(watch.ResponseStream.Current.Event);
        Assert.Equal(3, replay[0].Sequence);
        Assert.Equal(TaskEvent.KindOneofCase.Finished, replay[^1].KindCase);
    }

    [Fact]
    public async Task RunTask_with_a_used_key_attaches_to_the_task_and_replays_its_events()
    {
        var agent = "attach-" + Guid.NewGuid().ToString("N")[..10];
        await chain.RegisterAgentAsync(agent);
        var request = new RunTaskRequest { Spec = TaskCalls.Spec(agent, "Say hi.", doneAfter: 2), IdempotencyKey = "run-" + Guid.NewGuid() };

        var first = await TaskCalls.RunAsync(Client, request);
        var again = await TaskCalls.RunAsync(Client, request);

        Assert.Equal(first.Select(e => e.ToString()), again.Select(e => e.ToString()));
    }

    [Fact]
    public async Task Custom_agent_types_are_registered_listed_and_versioned()
    {
        var name = "reviewer-" + Guid.NewGuid().ToString("N")[..8];
        var created = await Client.RegisterAgentTypeAsync(new RegisterAgentTypeRequest
        {
            AgentType = new AgentType { Name = name, SystemPrompt = "You review pull requests.", MaxIterations = 7 },
        }, deadline: TaskCalls.Deadline());
        var same = await Client.RegisterAgentTypeAsync(new RegisterAgentTypeRequest
        {
            AgentType = new AgentType { Name = name, SystemPrompt = "You review pull requests.", MaxIterations = 7 },
        }, deadline: TaskCalls.Deadline());
        Assert.True(created.Created);
        Assert.False(same.Created);
        Assert.Equal(["[DONE]", "[COMPLETE]"], created.AgentType.CompletionMarkers);
        Assert.False(created.AgentType.Builtin);

        var different = new AgentType { Name = name, SystemPrompt = "You review harder." };
        var exists = await Assert.ThrowsAsync<RpcException>(() => Client.RegisterAgentTypeAsync(new RegisterAgentTypeRequest { AgentType = different }, deadline: TaskCalls.Deadline()).ResponseAsync);
        Assert.Equal(StatusCode.AlreadyExists, exists.StatusCode);
        different.Etag = "stale";
        var stale = await Assert.ThrowsAsync<RpcException>(() => Client.RegisterAgentTypeAsync(
            new RegisterAgentTypeRequest { AgentType = different, AllowOverwrite = true }, deadline: TaskCalls.Deadline()).ResponseAsync);
        Assert.Equal(StatusCode.Aborted, stale.StatusCode);
        different.Etag = created.AgentType.Etag;
        var replaced = await Client.RegisterAgentTypeAsync(new RegisterAgentTypeRequest { AgentType = different, AllowOverwrite = true }, deadline: TaskCalls.Deadline());
        Assert.True(replaced.Created);
        Assert.NotEqual(created.AgentType.Etag, replaced.AgentType.Etag);

        var names = new List<string>();
        var token = "";
        do
        {
            var page = await Client.ListAgentTypesAsync(new ListAgentTypesRequest { PageSize = 2, PageToken = token }, deadline: TaskCalls.Deadline());
            names.AddRange(page.AgentTypes.Select(t => t.Name));
            token = page.NextPageToken;
        }
        while (token.Length > 0);
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Contains(name, names);
        Assert.Contains("coder", names);
        Assert.Contains("writer", names);
        Assert.Contains("analyst", names);
    }

    [Fact]
    public async Task A_full_queue_answers_resource_exhausted_with_a_retry_hint_and_queued_tasks_cancel_at_once()
    {
        // A replica of its own (own streams) with one slot and room for two waiting tasks.
        var prefix = "narrow-" + Guid.NewGuid().ToString("N")[..6];
        await using var narrow = await chain.StartAgentsAsync(new Dictionary<string, string?>
        {
            ["Agents__Queue__StreamPrefix"] = prefix,
            ["Agents__Queue__MaxConcurrentTasks"] = "1",
            ["Agents__Queue__MaxQueuedTasks"] = "2",
        });
        var agent = "narrow-" + Guid.NewGuid().ToString("N")[..10];
        await chain.RegisterAgentAsync(agent);
        var running = await narrow.Client.SubmitTaskAsync(new SubmitTaskRequest { Spec = TaskCalls.Spec(agent, "Occupy the slot.", model: TestModels.Slow) }, deadline: TaskCalls.Deadline());
        await WaitForStateAsync(narrow.Client, running.Task.TaskId, TaskState.Running);
        var queued = new List<string>();
        for (var i = 0; i < 2; i++)
            queued.Add((await narrow.Client.SubmitTaskAsync(new SubmitTaskRequest { Spec = TaskCalls.Spec(agent, $"Wait {i}.", model: TestModels.Slow) }, deadline: TaskCalls.Deadline())).Task.TaskId);

        var full = await Assert.ThrowsAsync<RpcException>(() => narrow.Client.SubmitTaskAsync(
            new SubmitTaskRequest { Spec = TaskCalls.Spec(agent, "One too many.", model: TestModels.Slow) }, deadline: TaskCalls.Deadline()).ResponseAsync);
        Assert.Equal(StatusCode.ResourceExhausted, full.StatusCode);
        Assert.Equal("QUEUE_FULL", TaskCalls.Reason(full));
        Assert.True(long.Parse(full.Trailers.GetValue("retry-after-ms")!) > 0);

        var cancelled = await narrow.Client.CancelTaskAsync(new CancelTaskRequest { TaskId = queued[0] }, deadline: TaskCalls.Deadline());
        Assert.Equal(TaskState.Finished, cancelled.Task.State);
        Assert.Equal(TaskOutcome.Cancelled, cancelled.Task.Outcome);
        using var watch = narrow.Client.WatchTask(new WatchTaskRequest { TaskId = queued[0] }, deadline: TaskCalls.Deadline());
        var kinds = new List<TaskEvent.KindOneofCase>();
        while (await watch.ResponseStream.MoveNext(CancellationToken.None))
            kinds.Add(watch.ResponseStream.Current.Event.KindCase);
        Assert.Equal([TaskEvent.KindOneofCase.Queued, TaskEvent.KindOneofCase.Finished], kinds);
        var again = await narrow.Client.CancelTaskAsync(new CancelTaskRequest { TaskId = queued[0], Reason = "twice" }, deadline: TaskCalls.Deadline());
        Assert.Equal(cancelled.Task.OutcomeReason, again.Task.OutcomeReason);

        foreach (var id in new[] { running.Task.TaskId, queued[1] })
            await narrow.Client.CancelTaskAsync(new CancelTaskRequest { TaskId = id }, deadline: TaskCalls.Deadline());
        foreach (var id in new[] { running.Task.TaskId, queued[1] })
            Assert.Equal(TaskOutcome.Cancelled, (await TaskCalls.WaitFinishedAsync(narrow.Client, id)).Outcome);
    }

    private static async Task WaitForStateAsync(AgentService.AgentServiceClient client, string taskId, TaskState state)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while ((await client.GetTaskAsync(new GetTaskRequest { TaskId = taskId }, deadline: TaskCalls.Deadline())).Task.State != state)
        {
            if (DateTime.UtcNow > until)
                throw new TimeoutException($"Task {taskId} never reached {state}.");
            await Task.Delay(100);
        }
    }
}
