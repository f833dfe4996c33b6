using System.Diagnostics;
using Platform.Agents.Tests.Infrastructure;
using Platform.Agents.V1;

namespace Platform.Agents.Tests.Integration;

/// <summary>A replica shutting down gracefully hands its running tasks back, and another resumes them without waiting for a lease.</summary>
[Collection(ChainFixture.Collection)]
public sealed class HandOffTests(ChainFixture chain)
{
    [Fact]
    public async Task Stopping_a_replica_hands_its_tasks_to_another_at_once()
    {
        // Leases of 10 minutes: only the hand-off (not lease expiry) can move the tasks within the wait below.
        var prefix = "handoff-" + Guid.NewGuid().ToString("N")[..6];
        var settings = new Dictionary<string, string?> { ["Agents__Queue__StreamPrefix"] = prefix, ["Agents__Queue__LeaseDuration"] = "00:10:00" };
        var leaving = await chain.StartAgentsAsync(new Dictionary<string, string?>(settings) { ["Agents__Queue__WorkerId"] = "leaving" });
        var agent = "handoff-" + Guid.NewGuid().ToString("N")[..8];
        await chain.RegisterAgentAsync(agent);
        var ids = new List<string>();
        for (var i = 0; i < 10; i++)
            ids.Add((await leaving.Client.SubmitTaskAsync(new SubmitTaskRequest { Spec = TaskCalls.Spec(agent, $"Long job {i}.", doneAfter: 15, model: TestModels.Ms200) },
                deadline: TaskCalls.Deadline())).Task.TaskId);
        await using var database = chain.OpenDatabase();
        var until = DateTime.UtcNow.AddSeconds(60);
        while (await TaskRows.RunningOnAsync(database, [.. ids], "leaving") < ids.Count)
        {
            Assert.True(DateTime.UtcNow < until, "the tasks never all ran on the first replica");
            await Task.Delay(100);
        }

        using (var term = Process.Start("kill", ["-TERM", leaving.Process.Pid.ToString()]))
            await term.WaitForExitAsync();
        until = DateTime.UtcNow.AddSeconds(60);
        while (!leaving.Process.HasExited)
        {
            Assert.True(DateTime.UtcNow < until, "the replica did not stop on SIGTERM");
            await Task.Delay(100);
        }
        await using var taking = await chain.StartAgentsAsync(new Dictionary<string, string?>(settings) { ["Agents__Queue__WorkerId"] = "taking" });

        var finished = await TaskRows.WaitAllFinishedAsync(database, [.. ids], TimeSpan.FromMinutes(2));
        Assert.True(finished == ids.Count, await TaskRows.SummaryAsync(database, [.. ids]));
        Assert.Equal(ids.Count, (await TaskRows.OutcomesAsync(database, [.. ids])).GetValueOrDefault(TaskOutcome.Completed));
        var workers = await TaskRows.WorkersAsync(database, [.. ids]);
        Assert.All(workers.Values, w => Assert.Equal(["leaving", "taking"], w));
        var steps = await TaskRows.StepsAsync(database, [.. ids]);
        Assert.All(steps.GroupBy(s => s.TaskId), task => Assert.Equal(Enumerable.Range(1, 15), task.Select(s => s.Number).Order()));
        await leaving.DisposeAsync();
    }
}
