using Grpc.Core;
using Platform.Agents.Tests.Infrastructure;
using Platform.Agents.V1;

namespace Platform.Agents.Tests.Integration;

/// <summary>Bad requests get precise statuses, messages and platform-error-reason trailers over gRPC.</summary>
[Collection(ChainFixture.Collection)]
public sealed class BadInputTests(ChainFixture chain)
{
    private AgentService.AgentServiceClient Client => chain.Agents.Client;

    private static async Task<RpcException> FailsAsync(Func<Task> call, StatusCode code, string reason)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(code, error.StatusCode);
        Assert.Equal(reason, TaskCalls.Reason(error));
        Assert.False(string.IsNullOrWhiteSpace(error.Status.Detail));
        return error;
    }

    private Task<SubmitTaskResponse> SubmitAsync(TaskSpec spec, string key = "") =>
        Client.SubmitTaskAsync(new SubmitTaskRequest { Spec = spec, IdempotencyKey = key }, deadline: TaskCalls.Deadline()).ResponseAsync;

    private async Task<string> AgentAsync()
    {
        var agent = "bad-" + Guid.NewGuid().ToString("N")[..10];
        await chain.RegisterAgentAsync(agent);
        return agent;
    }

    [Fact]
    public async Task An_empty_goal_is_invalid_argument_naming_the_field()
    {
        var spec = TaskCalls.Spec(await AgentAsync(), "");
        spec.Goal = "  ";

        var error = await FailsAsync(() => SubmitAsync(spec), StatusCode.InvalidArgument, "SPEC_GOAL");

        Assert.Equal("spec.goal", error.Trailers.GetValue("platform-error-field"));
        Assert.Contains("spec.goal", error.Status.Detail);
    }

    [Fact]
    public async Task An_oversized_goal_is_invalid_argument()
    {
        var spec = TaskCalls.Spec(await AgentAsync(), new string('x', 70_000));

        await FailsAsync(() => SubmitAsync(spec), StatusCode.InvalidArgument, "SPEC_GOAL");
    }

    [Theory]
    [InlineData(1001)]
    [InlineData(-5)]
    public async Task Absurd_iteration_counts_are_invalid_argument(int iterations)
    {
        var spec = TaskCalls.Spec(await AgentAsync(), "Do it.");
        spec.MaxIterations = iterations;

        await FailsAsync(() => SubmitAsync(spec), StatusCode.InvalidArgument, "SPEC_MAX_ITERATIONS");
    }

    [Fact]
    public async Task An_unknown_agent_is_not_found()
    {
        await FailsAsync(() => SubmitAsync(TaskCalls.Spec("nobody-" + Guid.NewGuid().ToString("N")[..8], "Do it.")), StatusCode.NotFound, "AGENT_NOT_FOUND");
    }

    [Fact]
    public async Task A_retired_agent_is_failed_precondition()
    {
        var agent = await AgentAsync();
        await chain.Budget.RetireAgentAsync(new Budget.V1.RetireAgentRequest { AgentId = agent }, deadline: TaskCalls.Deadline());

        await FailsAsync(() => SubmitAsync(TaskCalls.Spec(agent, "Do it.")), StatusCode.FailedPrecondition, "AGENT_RETIRED");
    }

    [Fact]
    public async Task An_unknown_agent_type_is_not_found()
    {
        var spec = TaskCalls.Spec(await AgentAsync(), "Do it.");
        spec.AgentType = "no-such-type";

        await FailsAsync(() => SubmitAsync(spec), StatusCode.NotFound, "AGENT_TYPE_NOT_FOUND");
    }

    [Fact]
    public async Task An_unknown_context_ref_is_not_found()
    {
        var spec = TaskCalls.Spec(await AgentAsync(), "Do it.");
        spec.ContextRefs.Add("sha256:" + new string('e', 64));

        await FailsAsync(() => SubmitAsync(spec), StatusCode.NotFound, "CONTEXT_NOT_FOUND");
    }

    [Fact]
    public async Task Oversized_contexts_are_invalid_argument()
    {
        var tooBig = new string('c', 1024 * 1024 + 1);
        await FailsAsync(() => Client.PutSharedContextAsync(new PutSharedContextRequest { Content = tooBig }, deadline: TaskCalls.Deadline()).ResponseAsync,
            StatusCode.InvalidArgument, "CONTENT");

        // A block that fits the store but not the task's memory window.
        var block = await Client.PutSharedContextAsync(new PutSharedContextRequest { Content = new string('w', 20_000) + Guid.NewGuid() }, deadline: TaskCalls.Deadline());
        var spec = TaskCalls.Spec(await AgentAsync(), "Do it.");
        spec.ContextRefs.Add(block.Context.ContextRef);
        spec.MemoryWindowTokens = 2_048;
        await FailsAsync(() => SubmitAsync(spec), StatusCode.InvalidArgument, "SPEC_CONTEXT_REFS");
    }

    [Fact]
    public async Task Reusing_an_idempotency_key_for_another_spec_is_already_exists()
    {
        var agent = await AgentAsync();
        var key = "key-" + Guid.NewGuid();
        var first = await SubmitAsync(TaskCalls.Spec(agent, "First goal."), key);
        var repeat = await SubmitAsync(TaskCalls.Spec(agent, "First goal."), key);

        Assert.True(first.Created);
        Assert.False(repeat.Created);
        Assert.Equal(first.Task.TaskId, repeat.Task.TaskId);
        await FailsAsync(() => SubmitAsync(TaskCalls.Spec(agent, "Another goal."), key), StatusCode.AlreadyExists, "IDEMPOTENCY_KEY_REUSED");
    }

    [Fact]
    public async Task Unknown_tasks_and_bad_cursors_and_tokens_are_precise()
    {
        await FailsAsync(() => Client.GetTaskAsync(new GetTaskRequest { TaskId = "task_missing" }, deadline: TaskCalls.Deadline()).ResponseAsync, StatusCode.NotFound, "TASK_NOT_FOUND");
        await FailsAsync(() => Client.GetTaskAsync(new GetTaskRequest(), deadline: TaskCalls.Deadline()).ResponseAsync, StatusCode.InvalidArgument, "TASK_ID");
        await FailsAsync(() => Client.CancelTaskAsync(new CancelTaskRequest { TaskId = "task_missing" }, deadline: TaskCalls.Deadline()).ResponseAsync, StatusCode.NotFound, "TASK_NOT_FOUND");
        await FailsAsync(() => Client.ListTasksAsync(new ListTasksRequest { PageToken = "garbage!" }, deadline: TaskCalls.Deadline()).ResponseAsync, StatusCode.InvalidArgument, "PAGE_TOKEN");
        await FailsAsync(() => Client.ListTasksAsync(new ListTasksRequest { PageSize = -1 }, deadline: TaskCalls.Deadline()).ResponseAsync, StatusCode.InvalidArgument, "PAGE_SIZE");
        await FailsAsync(async () =>
        {
            using var watch = Client.WatchTask(new WatchTaskRequest { TaskId = "task_missing" }, deadline: TaskCalls.Deadline());
            await watch.ResponseStream.MoveNext(CancellationToken.None);
        }, StatusCode.NotFound, "TASK_NOT_FOUND");
        await FailsAsync(() => Client.GetSharedContextAsync(new GetSharedContextRequest { ContextRef = "nope" }, deadline: TaskCalls.Deadline()).ResponseAsync,
            StatusCode.InvalidArgument, "CONTEXT_REF");
    }

    [Fact]
    public async Task Agent_type_registration_rules_are_enforced()
    {
        await FailsAsync(() => Client.RegisterAgentTypeAsync(new RegisterAgentTypeRequest { AgentType = new AgentType { Name = "coder", SystemPrompt = "x" } },
            deadline: TaskCalls.Deadline()).ResponseAsync, StatusCode.FailedPrecondition, "BUILTIN_AGENT_TYPE");
        await FailsAsync(() => Client.RegisterAgentTypeAsync(new RegisterAgentTypeRequest { AgentType = new AgentType { Name = "Bad Name", SystemPrompt = "x" } },
            deadline: TaskCalls.Deadline()).ResponseAsync, StatusCode.InvalidArgument, "AGENT_TYPE_NAME");
        await FailsAsync(() => Client.RegisterAgentTypeAsync(new RegisterAgentTypeRequest { AgentType = new AgentType { Name = "no-prompt" } },
            deadline: TaskCalls.Deadline()).ResponseAsync, StatusCode.InvalidArgument, "AGENT_TYPE_SYSTEM_PROMPT");
        await FailsAsync(() => Client.GetAgentTypeAsync(new GetAgentTypeRequest { Name = "missing-type" }, deadline: TaskCalls.Deadline()).ResponseAsync,
            StatusCode.NotFound, "AGENT_TYPE_NOT_FOUND");
    }
}
