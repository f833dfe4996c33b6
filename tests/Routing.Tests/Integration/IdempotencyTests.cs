using Grpc.Core;
using Platform.Common.V1;
using Platform.Routing.Tests.Infrastructure;

namespace Platform.Routing.Tests.Integration;

/// <summary>An idempotency key makes a call run and bill once, whoever repeats it and on whichever replica.</summary>
[Collection(PlatformFixture.Collection)]
public sealed class IdempotencyTests(PlatformFixture platform) : IAsyncLifetime
{
    private readonly string _scope = Guid.NewGuid().ToString("N")[..8];
    private RoutingReplica _first = null!;
    private RoutingReplica _second = null!;

    private string Model => $"idem-{_scope}";

    public async Task InitializeAsync()
    {
        var settings = platform.RoutingSettings(_scope);
        settings.AddModel(Model);
        _first = await RoutingReplica.StartAsync(settings);
        _second = await RoutingReplica.StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
    }

    [Fact]
    public async Task Concurrent_and_later_calls_with_one_key_on_two_replicas_get_one_result_billed_once()
    {
        var agent = Calls.Id("idem-agent");
        await platform.Budget.RegisterAgentAsync(agent, Tier.High, hourlyTokenLimit: 100_000);
        var request = Calls.Complete(agent, Model);
        request.IdempotencyKey = Guid.NewGuid().ToString();

        var concurrent = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            (i % 2 == 0 ? _first : _second).Client.CompleteAsync(request, deadline: Calls.Deadline()).ResponseAsync));
        var later = await _second.Client.CompleteAsync(request, deadline: Calls.Deadline());

        Assert.Single(concurrent.Select(r => r.RequestId).Append(later.RequestId).Distinct());
        Assert.Equal(6, concurrent.Count(r => r.Deduplicated) + 1);
        Assert.True(later.Deduplicated);
        Assert.Equal(1, (await platform.Simulator.StatsAsync(Model)).Requests);
        await _first.FlushAsync();
        await _second.FlushAsync();
        Assert.Equal(later.Usage.TotalTokens, (await platform.Budget.UsageAsync(agent)).HourlyTokens.Used);
    }

    [Fact]
    public async Task The_same_key_with_a_different_request_is_ALREADY_EXISTS()
    {
        var agent = Calls.Id("idem-reuse");
        await platform.Budget.RegisterAgentAsync(agent, Tier.High, hourlyTokenLimit: 100_000);
        var key = Guid.NewGuid().ToString();
        var first = Calls.Complete(agent, Model, "first question");
        first.IdempotencyKey = key;
        await _first.Client.CompleteAsync(first, deadline: Calls.Deadline());

        var second = Calls.Complete(agent, Model, "another question");
        second.IdempotencyKey = key;
        await RpcAssert.FailsAsync(StatusCode.AlreadyExists, "IDEMPOTENCY_KEY_REUSED",
            () => _second.Client.CompleteAsync(second, deadline: Calls.Deadline()).ResponseAsync);
    }

    [Fact]
    public async Task A_failed_call_gives_its_key_up_so_a_retry_runs_again()
    {
        var agent = Calls.Id("idem-retry");
        await platform.Budget.RegisterAgentAsync(agent, Tier.Low, hourlyTokenLimit: 100_000);
        var request = Calls.Complete(agent, Model);
        request.IdempotencyKey = Guid.NewGuid().ToString();
        request.Hints = new V1.RoutingHints { DisableFallback = true };
        await platform.Simulator.FailNextAsync(Model, 1, "server_error", 500);

        await RpcAssert.FailsAsync(StatusCode.Unavailable, "UPSTREAM_UNAVAILABLE",
            () => _first.Client.CompleteAsync(request, deadline: Calls.Deadline()).ResponseAsync);
        var retried = await _first.Client.CompleteAsync(request, deadline: Calls.Deadline());

        Assert.False(retried.Deduplicated);
        Assert.Equal(Model, retried.Model);
    }
}
