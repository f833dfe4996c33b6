using Platform.Agents.Tests.Infrastructure;
using Platform.Agents.V1;

namespace Platform.Agents.Tests.Integration;

/// <summary>The service's business metrics on /metrics (Prometheus text).</summary>
[Collection(ChainFixture.Collection)]
public sealed class MetricsTests(ChainFixture chain)
{
    [Fact]
    public async Task Tasks_steps_tokens_and_memory_savings_are_exported()
    {
        var agent = "metrics-" + Guid.NewGuid().ToString("N")[..8];
        await chain.RegisterAgentAsync(agent);
        var events = await TaskCalls.RunAsync(chain.Agents.Client, new RunTaskRequest { Spec = TaskCalls.Spec(agent, "Count things.", doneAfter: 3) });
        Assert.Equal(TaskOutcome.Completed, events[^1].Finished.Outcome);

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var text = await http.GetStringAsync(new Uri(chain.Agents.Process.HttpEndpoint, "/metrics"));

        Assert.Contains("platform_agents_tasks_submitted_total", text);
        Assert.Contains("platform_agents_tasks_finished_total{outcome=\"completed\"}", text);
        Assert.Contains("platform_agents_steps_total{phase=\"observe\"}", text);
        Assert.Contains("platform_agents_step_duration_seconds_bucket", text);
        Assert.Contains("platform_agents_tokens_total{direction=\"input\"}", text);
        Assert.Contains("platform_agents_memory_tokens_saved_total", text);
    }
}
