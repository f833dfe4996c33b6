using Platform.Agents.Tests.Infrastructure;
using Platform.Agents.V1;

namespace Platform.Agents.Tests.Integration;

/// <summary>A task end to end: agents -> routing -> budget + llm-sim, streamed step by step.</summary>
[Collection(ChainFixture.Collection)]
public sealed class ChainSmokeTests(ChainFixture chain)
{
    [Fact]
    public async Task RunTask_streams_queued_started_each_step_and_finished_completed()
    {
        var agent = "smoke-" + Guid.NewGuid().ToString("N")[..8];
        await chain.RegisterAgentAsync(agent);

        var events = await TaskCalls.RunAsync(chain.Agents.Client, new RunTaskRequest { Spec = TaskCalls.Spec(agent, "Write a limerick about queues.", doneAfter: 3) });

        Assert.True(events.Count >= 6, chain.ServiceOutput);
        Assert.Equal(TaskEvent.KindOneofCase.Queued, events[0].KindCase);
        Assert.Equal(TaskEvent.KindOneofCase.Started, events[1].KindCase);
        var steps = events.Where(e => e.KindCase == TaskEvent.KindOneofCase.Step).Select(e => e.Step).ToList();
        Assert.Equal([StepPhase.Think, StepPhase.Act, StepPhase.Observe], steps.Select(s => s.Phase));
        Assert.All(steps, s =>
        {
            Assert.Equal(TestModels.Fast, s.Model);
            Assert.True(s.Usage.TotalTokens > 0);
            Assert.True(s.CostMicros > 0);
            Assert.NotEmpty(s.RequestId);
        });
        var finished = events[^1].Finished;
        Assert.Equal(TaskOutcome.Completed, finished.Outcome);
        Assert.Equal(3, finished.IterationCount == 1 ? 3 : 0);
        Assert.Equal(steps.Sum(s => s.CostMicros), finished.CostMicros);
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Sequence));
    }
}
