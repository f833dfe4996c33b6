using Grpc.Core;
using Platform.Common.V1;
using Platform.Routing.Tests.Infrastructure;
using Platform.Routing.V1;

namespace Platform.Routing.Tests.Integration;

/// <summary>Budgets are enforced in the gateway: denials, cheaper models for MEDIUM callers short of USD, partial commits on cancel.</summary>
[Collection(PlatformFixture.Collection)]
public sealed class BudgetTests(PlatformFixture platform) : IAsyncLifetime
{
    private readonly string _scope = Guid.NewGuid().ToString("N")[..8];
    private RoutingReplica _routing = null!;
    private Simulator _paced = null!;

    private string Premium => $"bud-premium-{_scope}";
    private string Cheap => $"bud-cheap-{_scope}";
    private string Slow => $"bud-slow-{_scope}";

    public async Task InitializeAsync()
    {
        // A simulator of its own with real pacing, so a stream is still running when the test cancels it.
        _paced = await Simulator.StartAsync(new Dictionary<string, string?>
        {
            ["Simulator:LatencyScale"] = "1",
            [$"Simulator:Models:{Slow}:PerToken:Ms"] = "100",
            [$"Simulator:Models:{Slow}:MinCompletionTokens"] = "150",
            [$"Simulator:Models:{Slow}:MaxCompletionTokens"] = "200",
        });
        var settings = platform.RoutingSettings(_scope);
        settings.AddModel(Premium, inputPrice: 15_000_000, outputPrice: 15_000_000, quality: "strong");
        settings.AddModel(Cheap, inputPrice: 100_000, outputPrice: 100_000, quality: "economy");
        settings.AddModel(Slow, inputPrice: 1_000_000, outputPrice: 1_000_000, baseUrl: _paced.BaseUrl + "/v1");
        _routing = await RoutingReplica.StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
        await _routing.DisposeAsync();
        await _paced.DisposeAsync();
    }

    [Fact]
    public async Task A_call_the_budget_cannot_hold_is_RESOURCE_EXHAUSTED_with_the_denial_reason()
    {
        var agent = Calls.Id("bud-small");
        // MEDIUM: it may not borrow, so its own limit binds.
        await platform.Budget.RegisterAgentAsync(agent, Tier.Medium, hourlyTokenLimit: 50);

        var error = await RpcAssert.FailsAsync(StatusCode.ResourceExhausted, "BUDGET_DENIED",
            () => _routing.Client.CompleteAsync(Calls.Complete(agent, Cheap, maxTokens: 100), deadline: Calls.Deadline()).ResponseAsync);

        Assert.StartsWith("DENIAL_REASON_", error.Trailers.GetValue("platform-denial-reason"));
        Assert.Equal(0, (await platform.Simulator.StatsAsync(Cheap)).Requests);
    }

    [Fact]
    public async Task A_MEDIUM_agent_refused_for_USD_is_moved_to_a_cheaper_model()
    {
        var agent = Calls.Id("bud-medium");
        // 300 micro-USD a day: a 100-token call on the premium model (~1,700 micro-USD) is refused, on the cheap one (~11) it fits.
        await platform.Budget.RegisterAgentAsync(agent, Tier.Medium, hourlyTokenLimit: 1_000_000, dailyUsdLimitMicros: 300);

        var request = Calls.Complete(agent, Premium, maxTokens: 100);
        var response = await _routing.Client.CompleteAsync(request, deadline: Calls.Deadline());

        Assert.Equal(Cheap, response.Model);
        Assert.Equal(AttemptStatus.BudgetDenied, response.Attempts[0].Status);
        Assert.Equal(Premium, response.Attempts[0].Model);
    }

    [Fact]
    public async Task A_HIGH_agent_refused_for_USD_is_not_moved_and_gets_the_denial()
    {
        var agent = Calls.Id("bud-high");
        await platform.Budget.RegisterAgentAsync(agent, Tier.High, hourlyTokenLimit: 1_000_000, dailyUsdLimitMicros: 300);

        var error = await RpcAssert.FailsAsync(StatusCode.ResourceExhausted, "BUDGET_DENIED",
            () => _routing.Client.CompleteAsync(Calls.Complete(agent, Premium, maxTokens: 100), deadline: Calls.Deadline()).ResponseAsync);
        Assert.StartsWith("DENIAL_REASON_", error.Trailers.GetValue("platform-denial-reason"));
        Assert.Equal(0, (await platform.Simulator.StatsAsync(Premium)).Requests);
    }

    [Fact]
    public async Task Cancelling_a_stream_aborts_the_provider_request_and_commits_the_tokens_already_produced()
    {
        var agent = Calls.Id("bud-cancel");
        await platform.Budget.RegisterAgentAsync(agent, Tier.High, hourlyTokenLimit: 100_000);
        var request = Calls.Stream(agent, Slow, maxTokens: 200);
        request.Hints = new RoutingHints { DisableFallback = true };
        var call = _routing.Client.StreamComplete(request, deadline: Calls.Deadline());

        var deltas = 0;
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StreamCompleteResponse.EventOneofCase.Started, call.ResponseStream.Current.EventCase);
        while (deltas < 2 && await call.ResponseStream.MoveNext(CancellationToken.None))
            deltas++;
        // The caller goes away mid-stream (disposing the call resets the HTTP/2 stream).
        call.Dispose();

        await WaitUntilAsync(async () => (await _paced.StatsAsync(Slow)).Outcome("cancelled") == 1);
        await _routing.FlushAsync();
        var usage = await platform.Budget.UsageAsync(agent);
        Assert.True(usage.HourlyTokens.Used > 0, "the tokens produced before the cancel are billed");
        Assert.Equal(0, usage.HourlyTokens.Reserved);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 30 s");
            await Task.Delay(50);
        }
    }
}
