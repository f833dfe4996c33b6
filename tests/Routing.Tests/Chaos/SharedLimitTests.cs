using System.Collections.Concurrent;
using Grpc.Core;
using Platform.Common.V1;
using Platform.Routing.Tests.Infrastructure;
using Platform.Routing.V1;
using Xunit.Abstractions;

namespace Platform.Routing.Tests.Chaos;

/// <summary>Two replicas share one RPM limit and one agent budget: together they never exceed either, counted at the provider and the budget service.</summary>
[Collection(PlatformFixture.Collection)]
public sealed class SharedLimitTests(PlatformFixture platform, ITestOutputHelper output) : IAsyncLifetime
{
    private const int RpmLimit = 120;
    private readonly string _scope = Guid.NewGuid().ToString("N")[..8];
    private RoutingReplica _first = null!;
    private RoutingReplica _second = null!;

    private string Limited => $"limit-rpm-{_scope}";
    private string Metered => $"limit-budget-{_scope}";

    public async Task InitializeAsync()
    {
        var settings = platform.RoutingSettings(_scope);
        settings.AddModel(Limited, rpm: RpmLimit);
        settings.AddModel(Metered);
        _first = await RoutingReplica.StartAsync(settings);
        _second = await RoutingReplica.StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
    }

    [Fact]
    public async Task Two_replicas_together_send_no_more_than_the_rpm_limit_per_minute()
    {
        var agent = Calls.Id("limit-rpm");
        await platform.Budget.RegisterAgentAsync(agent, Tier.Low, hourlyTokenLimit: 100_000_000);
        var outcomes = new ConcurrentBag<StatusCode>();
        var retryHints = new ConcurrentBag<string?>();

        await Parallel.ForEachAsync(Enumerable.Range(0, 3 * RpmLimit), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
        {
            var request = Calls.Complete(agent, Limited, $"rpm call {i}", maxTokens: 8);
            request.Hints = new RoutingHints { DisableFallback = true };
            try
            {
                await (i % 2 == 0 ? _first : _second).Client.CompleteAsync(request, deadline: Calls.Deadline());
                outcomes.Add(StatusCode.OK);
            }
            catch (RpcException e)
            {
                outcomes.Add(e.StatusCode);
                retryHints.Add(e.Trailers.GetValue("retry-after-ms"));
                Assert.Equal("RATE_LIMITED", e.Trailers.GetValue("platform-error-reason"));
            }
        });

        var stats = await platform.Simulator.StatsAsync(Limited);
        output.WriteLine($"ok {outcomes.Count(o => o == StatusCode.OK)}, refused {outcomes.Count(o => o != StatusCode.OK)}; simulator: {stats}");
        Assert.True(stats.PeakRequestsInAny60s <= RpmLimit, $"the provider saw {stats.PeakRequestsInAny60s} requests in 60 s (limit {RpmLimit})");
        // The limit is used, not just respected: every slot of the minute went to a caller.
        Assert.Equal(RpmLimit, outcomes.Count(o => o == StatusCode.OK));
        Assert.All(outcomes.Where(o => o != StatusCode.OK), o => Assert.Equal(StatusCode.ResourceExhausted, o));
        Assert.All(retryHints, h => Assert.True(long.Parse(h!) > 0));
    }

    [Fact]
    public async Task An_agent_with_10000_tokens_cannot_get_more_through_concurrent_calls_on_both_replicas()
    {
        var agent = Calls.Id("limit-10k");
        // MEDIUM: it may not borrow from other tiers, so its own 10,000 tokens are all it has.
        await platform.Budget.RegisterAgentAsync(agent, Tier.Medium, hourlyTokenLimit: 10_000);
        var ok = 0;
        var denied = 0;

        await Parallel.ForEachAsync(Enumerable.Range(0, 300), new ParallelOptions { MaxDegreeOfParallelism = 48 }, async (i, _) =>
        {
            var request = Calls.Complete(agent, Metered, $"budget call {i}", maxTokens: 100);
            request.Hints = new RoutingHints { DisableFallback = true };
            try
            {
                await (i % 2 == 0 ? _first : _second).Client.CompleteAsync(request, deadline: Calls.Deadline(60));
                Interlocked.Increment(ref ok);
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.ResourceExhausted)
            {
                Assert.Equal("BUDGET_DENIED", e.Trailers.GetValue("platform-error-reason"));
                Interlocked.Increment(ref denied);
            }
        });
        await _first.FlushAsync();
        await _second.FlushAsync();

        var stats = await platform.Simulator.StatsAsync(Metered);
        var usage = await platform.Budget.UsageAsync(agent);
        output.WriteLine($"ok {ok}, denied {denied}; provider tokens {stats.PromptTokens + stats.CompletionTokens}; budget used {usage.HourlyTokens.Used}, reserved {usage.HourlyTokens.Reserved}");
        Assert.True(ok > 0 && denied > 0);
        Assert.True(stats.PromptTokens + stats.CompletionTokens <= 10_000, $"the provider produced {stats.PromptTokens + stats.CompletionTokens} tokens");
        Assert.True(usage.HourlyTokens.Used <= 10_000, $"the budget charged {usage.HourlyTokens.Used} tokens");
        Assert.Equal(stats.PromptTokens + stats.CompletionTokens, usage.HourlyTokens.Used);
        Assert.Equal(0, usage.HourlyTokens.Reserved);
    }
}
