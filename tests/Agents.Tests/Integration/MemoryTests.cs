using System.Text;
using Platform.Agents.Tests.Infrastructure;
using Platform.Agents.V1;

namespace Platform.Agents.Tests.Integration;

/// <summary>The memory window and shared context, measured at the provider (llm-sim counts the prompt tokens it is sent).</summary>
[Collection(ChainFixture.Collection)]
public sealed class MemoryTests(ChainFixture chain)
{
    [Fact]
    public async Task The_window_never_exceeds_its_bound_and_always_keeps_the_system_prompt()
    {
        var agent = "window-" + Guid.NewGuid().ToString("N")[..10];
        await chain.RegisterAgentAsync(agent);
        // The simulator's script lives only in the system prompt: if the window ever dropped the system
        // prompt, llm-sim would fall back to its default script and finish the task after three turns.
        var typeName = "window-keeper-" + Guid.NewGuid().ToString("N")[..8];
        await chain.Agents.Client.RegisterAgentTypeAsync(new RegisterAgentTypeRequest
        {
            AgentType = new AgentType
            {
                Name = typeName,
                SystemPrompt = "You keep working on the goal and never stop early. [[sim:never-done]]",
                LoopDetectionRepeats = -1,
            },
        }, deadline: TaskCalls.Deadline());
        var spec = TaskCalls.Spec(agent, "Write chapter after chapter.", doneAfter: null);
        spec.AgentType = typeName;
        spec.MemoryWindowTokens = 1_024;
        spec.MaxIterations = 12;

        var events = await TaskCalls.RunAsync(chain.Agents.Client, new RunTaskRequest { Spec = spec });

        var finished = events[^1].Finished;
        Assert.Equal(TaskOutcome.MaxIterations, finished.Outcome);
        var steps = events.Where(e => e.KindCase == TaskEvent.KindOneofCase.Step).Select(e => e.Step).ToList();
        Assert.Equal(36, steps.Count);
        Assert.All(steps, step =>
        {
            Assert.True(step.ContextTokens <= 1_024, $"step {step.Iteration}/{step.Phase} sent {step.ContextTokens} tokens");
            Assert.True(step.Usage.InputTokens <= 1_024, $"llm-sim counted {step.Usage.InputTokens} prompt tokens in step {step.Iteration}/{step.Phase}");
        });
        var total = steps.Sum(s => s.Usage.TotalTokens);
        Assert.True(steps[^1].WindowTokensSaved > 0, "by the end the history no longer fits: older turns are left out");
        Assert.Equal(steps.Sum(s => s.WindowTokensSaved), finished.Memory.WindowTokensSaved);
        Assert.True(total > 0);
    }

    [Fact]
    public async Task Shared_context_is_stored_once_however_many_tasks_use_it()
    {
        var agent = "shared-" + Guid.NewGuid().ToString("N")[..10];
        await chain.RegisterAgentAsync(agent);
        var content = new StringBuilder($"Product handbook {Guid.NewGuid()}\n");
        while (content.Length < 12_000)
            content.Append("Orders ship within two days; refunds take five. ");
        var first = await chain.Agents.Client.PutSharedContextAsync(new PutSharedContextRequest { Content = content.ToString(), Description = "handbook" }, deadline: TaskCalls.Deadline());
        var again = await chain.Agents.Client.PutSharedContextAsync(new PutSharedContextRequest { Content = content.ToString() }, deadline: TaskCalls.Deadline());
        Assert.True(first.Created);
        Assert.False(again.Created);
        Assert.Equal(first.Context.ContextRef, again.Context.ContextRef);
        Assert.Equal(Encoding.UTF8.GetByteCount(content.ToString()), first.Context.SizeBytes);

        var taskIds = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            var spec = TaskCalls.Spec(agent, $"Answer customer question {i}.", doneAfter: 3);
            spec.ContextRefs.Add(first.Context.ContextRef);
            taskIds.Add((await chain.Agents.Client.SubmitTaskAsync(new SubmitTaskRequest { Spec = spec }, deadline: TaskCalls.Deadline())).Task.TaskId);
        }
        var tasks = new List<AgentTask>();
        foreach (var taskId in taskIds)
            tasks.Add(await TaskCalls.WaitFinishedAsync(chain.Agents.Client, taskId));

        Assert.All(tasks, task =>
        {
            Assert.Equal(TaskOutcome.Completed, task.Outcome);
            Assert.Equal(first.Context.SizeBytes, task.Memory.SharedContextBytesSaved);
            Assert.True(task.Memory.SharedContextTokensSent >= 3 * first.Context.TokenCount, "each of the three calls carried the block once");
            Assert.True(task.Usage.InputTokens >= 3 * first.Context.TokenCount);
        });

        // One block in Redis holds the content, whatever the number of tasks; the tasks' rows hold only its ref.
        var keys = (await chain.Redis.CliAsync("--scan", "--pattern", "agents:ctx:*")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var holding = 0;
        foreach (var candidate in keys)
        {
            if (await chain.Redis.CliAsync("HGET", candidate.Trim(), "content") == content.ToString().Trim())
                holding++;
        }
        Assert.Equal(1, holding);
        await using var database = chain.OpenDatabase();
        await using var sizes = database.CreateCommand("SELECT max(octet_length(spec)) FROM agents.tasks WHERE task_id = ANY(@ids)");
        sizes.Parameters.AddWithValue("ids", taskIds.ToArray());
        Assert.True((int)(await sizes.ExecuteScalarAsync())! < 1_000);

        // Nobody uses it any more: it is kept for the retention period, then expires.
        var key = "agents:ctx:" + first.Context.ContextRef["sha256:".Length..];
        Assert.Equal("0", await chain.Redis.CliAsync("HGET", key, "refs"));
        Assert.True(long.Parse(await chain.Redis.CliAsync("PTTL", key)) > 0);
        var read = await chain.Agents.Client.GetSharedContextAsync(new GetSharedContextRequest { ContextRef = first.Context.ContextRef }, deadline: TaskCalls.Deadline());
        Assert.Equal(content.ToString(), read.Context.Content);
    }
}
