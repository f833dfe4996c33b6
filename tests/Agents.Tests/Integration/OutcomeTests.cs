using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Platform.Agents.Tests.Infrastructure;
using Platform.Agents.V1;

namespace Platform.Agents.Tests.Integration;

/// <summary>Each task outcome through the real chain (agents -> routing -> budget + llm-sim).</summary>
[Collection(ChainFixture.Collection)]
public sealed class OutcomeTests(ChainFixture chain)
{
    private async Task<string> NewAgentAsync(long hourlyTokens = 50_000_000)
    {
        var agent = "outcome-" + Guid.NewGuid().ToString("N")[..10];
        await chain.RegisterAgentAsync(agent, hourlyTokens);
        return agent;
    }

    [Fact]
    public async Task Completion_marker_completes_with_the_answer_without_the_marker()
    {
        var agent = await NewAgentAsync();

        var events = await TaskCalls.RunAsync(chain.Agents.Client, new RunTaskRequest { Spec = TaskCalls.Spec(agent, "Plan a release.", doneAfter: 5) });

        var finished = events[^1].Finished;
        Assert.Equal(TaskOutcome.Completed, finished.Outcome);
        Assert.DoesNotContain("[DONE]", finished.Result);
        Assert.NotEmpty(finished.Result);
        Assert.Equal(5, events.Count(e => e.KindCase == TaskEvent.KindOneofCase.Step));
        Assert.Equal(2, finished.IterationCount);
    }

    [Fact]
    public async Task Max_iterations_ends_after_the_last_iteration()
    {
        var agent = await NewAgentAsync();
        var spec = TaskCalls.Spec(agent, "Keep refining the design.", script: "never-done");
        spec.MaxIterations = 3;

        var events = await TaskCalls.RunAsync(chain.Agents.Client, new RunTaskRequest { Spec = spec });

        var finished = events[^1].Finished;
        Assert.Equal(TaskOutcome.MaxIterations, finished.Outcome);
        Assert.Equal(3, finished.IterationCount);
        Assert.Equal(9, events.Count(e => e.KindCase == TaskEvent.KindOneofCase.Step));
    }

    [Fact]
    public async Task The_same_action_repeated_is_loop_detected()
    {
        var agent = await NewAgentAsync();

        var events = await TaskCalls.RunAsync(chain.Agents.Client, new RunTaskRequest { Spec = TaskCalls.Spec(agent, "Check the status.", script: "loop") });

        var finished = events[^1].Finished;
        Assert.Equal(TaskOutcome.LoopDetected, finished.Outcome);
        Assert.Equal(3, finished.IterationCount);
        Assert.Equal(StepPhase.Act, events.Last(e => e.KindCase == TaskEvent.KindOneofCase.Step).Step.Phase);
    }

    [Fact]
    public async Task The_agent_budget_running_out_mid_task_is_a_clean_budget_exceeded()
    {
        var agent = await NewAgentAsync(hourlyTokens: 8_000);
        // Someone else holds 6,600 of the agent's 8,000 tokens: the task starts above the 80% warning line.
        await chain.Budget.ReserveAsync(new Budget.V1.ReserveRequest
        {
            AgentId = agent, IdempotencyKey = "other-work-" + agent, EstimatedInputTokens = 6_599, MaxOutputTokens = 1,
            Price = new Common.V1.ModelPrice(), Ttl = Duration.FromTimeSpan(TimeSpan.FromMinutes(10)),
        }, deadline: TaskCalls.Deadline());
        var spec = TaskCalls.Spec(agent, "Research the topic in depth.", script: "never-done");
        spec.ModelPolicy.MaxTokensPerStep = 200;

        var events = await TaskCalls.RunAsync(chain.Agents.Client, new RunTaskRequest { Spec = spec });

        var finished = events[^1].Finished;
        Assert.Equal(TaskOutcome.BudgetExceeded, finished.Outcome);
        Assert.Contains("budget", finished.Reason);
        Assert.True(events.Count(e => e.KindCase == TaskEvent.KindOneofCase.Step) >= 2, $"the task ran some steps before the budget ran out: {finished}");
        var warning = Assert.Single(events, e => e.KindCase == TaskEvent.KindOneofCase.BudgetWarning).BudgetWarning;
        Assert.Equal(BudgetScope.Agent, warning.Scope);
        Assert.Equal(8_000, warning.LimitTokens);
        Assert.True(warning.UtilisationPercent >= 80);
    }

    [Fact]
    public async Task Cancelling_the_RunTask_call_cancels_the_in_flight_llm_call()
    {
        var agent = await NewAgentAsync();
        var before = await chain.Sim.StatsAsync(TestModels.Slow);
        using var cancel = new CancellationTokenSource();
        using var call = chain.Agents.Client.RunTask(new RunTaskRequest { Spec = TaskCalls.Spec(agent, "Think very slowly.", model: TestModels.Slow) },
            deadline: TaskCalls.Deadline(), cancellationToken: cancel.Token);
        var started = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        // The caller keeps reading the stream, as a client following its task does, when it gives up.
        var reading = Task.Run(async () =>
        {
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
                if (call.ResponseStream.Current.Event.KindCase == TaskEvent.KindOneofCase.Started)
                    started.TrySetResult(call.ResponseStream.Current.Event.TaskId);
            }
        });
        var taskId = await started.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await WaitUntilAsync(async () => (await chain.Sim.StatsAsync(TestModels.Slow)).InFlight > before.InFlight, "the step call reaches llm-sim");

        await cancel.CancelAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => reading);
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        var task = await TaskCalls.WaitFinishedAsync(chain.Agents.Client, taskId, TimeSpan.FromSeconds(60));
        Assert.Equal(TaskOutcome.Cancelled, task.Outcome);
        await WaitUntilAsync(async () => (await chain.Sim.StatsAsync(TestModels.Slow)).Outcome("cancelled") > before.Outcome("cancelled"),
            "llm-sim sees the in-flight request cancelled");
    }

    [Fact]
    public async Task CancelTask_cancels_a_running_task_and_its_in_flight_llm_call()
    {
        var agent = await NewAgentAsync();
        var before = await chain.Sim.StatsAsync(TestModels.Slow);
        var submitted = await chain.Agents.Client.SubmitTaskAsync(
            new SubmitTaskRequest { Spec = TaskCalls.Spec(agent, "Ponder.", model: TestModels.Slow) }, deadline: TaskCalls.Deadline());
        var taskId = submitted.Task.TaskId;
        await WaitUntilAsync(async () => (await chain.Sim.StatsAsync(TestModels.Slow)).InFlight > before.InFlight, "the step call reaches llm-sim");

        var cancelled = await chain.Agents.Client.CancelTaskAsync(new CancelTaskRequest { TaskId = taskId, Reason = "no longer needed" }, deadline: TaskCalls.Deadline());

        Assert.True(cancelled.Task.CancelRequested);
        var task = await TaskCalls.WaitFinishedAsync(chain.Agents.Client, taskId);
        Assert.Equal(TaskOutcome.Cancelled, task.Outcome);
        Assert.Equal("no longer needed", task.OutcomeReason);
        await WaitUntilAsync(async () => (await chain.Sim.StatsAsync(TestModels.Slow)).Outcome("cancelled") > before.Outcome("cancelled"),
            "llm-sim sees the in-flight request cancelled");
    }

    [Fact]
    public async Task The_task_timeout_ends_it_deadline_exceeded()
    {
        var agent = await NewAgentAsync();
        var spec = TaskCalls.Spec(agent, "Take forever.", model: TestModels.Slow);
        spec.Timeout = Duration.FromTimeSpan(TimeSpan.FromSeconds(2));

        var events = await TaskCalls.RunAsync(chain.Agents.Client, new RunTaskRequest { Spec = spec });

        Assert.Equal(TaskOutcome.DeadlineExceeded, events[^1].Finished.Outcome);
    }

    [Fact]
    public async Task The_RunTask_deadline_bounds_the_task_too()
    {
        var agent = await NewAgentAsync();
        string? taskId = null;
        var call = chain.Agents.Client.RunTask(new RunTaskRequest { Spec = TaskCalls.Spec(agent, "Take forever again.", model: TestModels.Slow) },
            deadline: DateTime.UtcNow.AddSeconds(4));

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
                taskId = call.ResponseStream.Current.Event.TaskId;
        });
        call.Dispose();

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        var task = await TaskCalls.WaitFinishedAsync(chain.Agents.Client, taskId!);
        Assert.Equal(TaskOutcome.DeadlineExceeded, task.Outcome);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            if (DateTime.UtcNow > until)
                throw new TimeoutException($"Timed out waiting until {what}.");
            await Task.Delay(100);
        }
    }
}
