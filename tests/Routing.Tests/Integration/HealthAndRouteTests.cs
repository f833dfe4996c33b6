using Grpc.Core;
using Platform.Common.V1;
using Platform.Routing.Tests.Infrastructure;
using Platform.Routing.V1;

namespace Platform.Routing.Tests.Integration;

/// <summary>Model health aggregated in Redis, the breaker shared by replicas, and the dry-run Route RPC.</summary>
[Collection(PlatformFixture.Collection)]
public sealed class HealthAndRouteTests(PlatformFixture platform) : IAsyncLifetime
{
    private readonly string _scope = Guid.NewGuid().ToString("N")[..8];
    private RoutingReplica _first = null!;
    private RoutingReplica _second = null!;

    private string Cheap => $"hr-cheap-{_scope}";
    private string Strong => $"hr-strong-{_scope}";
    private string Fragile => $"hr-fragile-{_scope}";

    public async Task InitializeAsync()
    {
        var settings = platform.RoutingSettings(_scope);
        settings.AddModel(Cheap, inputPrice: 100_000, outputPrice: 200_000, quality: "economy", tags: ["hr"]);
        settings.AddModel(Strong, inputPrice: 10_000_000, outputPrice: 10_000_000, quality: "strong", capabilities: ["streaming", "code", "reasoning"], tags: ["hr"]);
        settings.AddModel(Fragile, maxConcurrency: 7, tags: ["hr-fragile"]);
        settings["Routing:Breaker:ConsecutiveFailures"] = "3";
        settings["Routing:Breaker:Cooldown"] = "00:00:30";
        _first = await RoutingReplica.StartAsync(settings);
        _second = await RoutingReplica.StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
    }

    [Fact]
    public async Task Health_reports_traffic_latency_and_the_concurrency_limits()
    {
        var agent = Calls.Id("hr-agent");
        await platform.Budget.RegisterAgentAsync(agent, Tier.High, hourlyTokenLimit: 1_000_000);
        for (var i = 0; i < 5; i++)
            await (i % 2 == 0 ? _first : _second).Client.CompleteAsync(Calls.Complete(agent, Cheap), deadline: Calls.Deadline());

        var health = (await _first.Client.GetModelHealthAsync(new GetModelHealthRequest { Model = Cheap }, deadline: Calls.Deadline())).Health;

        Assert.Equal(BreakerState.Closed, health.BreakerState);
        Assert.Equal(5, health.RequestCount);
        Assert.Equal(0, health.ErrorRatePercent);
        Assert.True(health.P50LatencyMs > 0);
        Assert.True(health.ConcurrencyLimit >= 1);
        Assert.Equal(5, health.RpmUsed);
        Assert.True(health.TpmUsed > 0);
        Assert.NotNull(health.LastSuccessTime);

        var fragile = (await _first.Client.GetModelHealthAsync(new GetModelHealthRequest { Model = Fragile }, deadline: Calls.Deadline())).Health;
        Assert.Equal(7, fragile.MaxConcurrency);
        Assert.InRange(fragile.ConcurrencyLimit, 1, 7);
        await RpcAssert.FailsAsync(StatusCode.NotFound, null, () => _first.Client.GetModelHealthAsync(new GetModelHealthRequest { Model = "nope-" + _scope }, deadline: Calls.Deadline()).ResponseAsync);
    }

    [Fact]
    public async Task A_breaker_opened_by_one_replicas_failures_keeps_the_other_replica_away_from_the_model()
    {
        var agent = Calls.Id("hr-breaker");
        await platform.Budget.RegisterAgentAsync(agent, Tier.Low, hourlyTokenLimit: 1_000_000);
        await platform.Simulator.SetFaultsAsync(Fragile, new { server_error = 1.0 });
        try
        {
            var request = Calls.Complete(agent, Fragile);
            request.Hints = new RoutingHints { DisableFallback = true };
            for (var i = 0; i < 3; i++)
                await Assert.ThrowsAsync<RpcException>(() => _first.Client.CompleteAsync(request, deadline: Calls.Deadline()).ResponseAsync);

            var health = await EventuallyOpenAsync(_second);
            Assert.True(health.ConsecutiveFailures >= 3);
            Assert.NotNull(health.OpenUntilTime);
            Assert.Contains("ServerError (HTTP 5", health.LastError);

            var before = (await platform.Simulator.StatsAsync(Fragile)).Requests;
            var error = await RpcAssert.FailsAsync(StatusCode.Unavailable, "UPSTREAM_UNAVAILABLE",
                () => _second.Client.CompleteAsync(request, deadline: Calls.Deadline()).ResponseAsync);
            Assert.NotNull(error.Trailers.GetValue("retry-after-ms"));
            Assert.Equal(before, (await platform.Simulator.StatsAsync(Fragile)).Requests);
        }
        finally
        {
            await platform.Simulator.ClearFaultsAsync(Fragile);
        }
    }

    [Fact]
    public async Task Route_explains_the_choice_without_calling_anything()
    {
        var agent = Calls.Id("hr-route");
        await platform.Budget.RegisterAgentAsync(agent, Tier.High, hourlyTokenLimit: 1_000_000);
        var request = new RouteRequest { AgentId = agent, MaxTokens = 100, Hints = new RoutingHints { Strategy = Strategy.Cost, RequiredTags = { "hr" } } };
        request.Messages.Add(new ChatMessage { Role = ChatRole.User, Content = "Classify this ticket: refund or not?" });

        var before = (await platform.Simulator.StatsAsync(Cheap)).Requests;
        var response = await _first.Client.RouteAsync(request, deadline: Calls.Deadline());

        Assert.Equal(Cheap, response.SelectedModel);
        Assert.Equal(Strategy.Cost, response.Strategy);
        Assert.Equal(Cheap, response.FallbackChain[0]);
        Assert.Contains(Strong, response.FallbackChain);
        Assert.Equal(TaskType.Classification, response.TaskType);
        Assert.True(response.EstimatedInputTokens > 0);
        Assert.True(response.EstimatedCostMicros > 0);
        var fragile = response.Candidates.Single(c => c.Model == Fragile);
        Assert.False(fragile.Eligible);
        Assert.Contains(ExclusionReason.MissingCapability, fragile.ExclusionReasons);
        Assert.True(response.Candidates.Single(c => c.Model == Cheap).Selected);
        Assert.Equal(before, (await platform.Simulator.StatsAsync(Cheap)).Requests);

        var policy = new RouteRequest { AgentId = agent, Hints = new RoutingHints { Strategy = Strategy.Policy, TaskType = TaskType.Code, RequiredTags = { "hr" } } };
        policy.Messages.Add(new ChatMessage { Role = ChatRole.User, Content = "Refactor this function." });
        Assert.Equal(Strong, (await _first.Client.RouteAsync(policy, deadline: Calls.Deadline())).SelectedModel);
    }

    private async Task<ModelHealth> EventuallyOpenAsync(RoutingReplica replica)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var health = (await replica.Client.GetModelHealthAsync(new GetModelHealthRequest { Model = Fragile }, deadline: Calls.Deadline())).Health;
            if (health.BreakerState == BreakerState.Open)
                return health;
            Assert.True(DateTime.UtcNow < deadline, $"the breaker did not open: {health}");
            await Task.Delay(50);
        }
    }
}
