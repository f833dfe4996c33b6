using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using Platform.Common.V1;
using Platform.Routing.Tests.Infrastructure;
using Platform.Routing.V1;
using Xunit.Abstractions;

namespace Platform.Routing.Tests.Chaos;

/// <summary>
/// The primary model fails every request (a mix of 5xx, 429 and hangs). 10,000 calls from CRITICAL, HIGH
/// and MEDIUM agents across two replicas must still succeed through fallbacks within their tier's time;
/// the shared breaker must open; provider attempts must stay within the retry budget; and once the
/// primary recovers, traffic must return to it. Bounded for a 2-core box: no simulated latency, hangs cut
/// by a short attempt timeout, a fixed number of concurrent callers.
/// </summary>
[Collection(PlatformFixture.Collection)]
public sealed class ChaosTests(PlatformFixture platform, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Calls = 10_000;
    private const int Concurrency = 32;
    private const double RetryRatio = 0.2;
    private const double RetryFloorPerSecond = 5;

    private readonly string _scope = Guid.NewGuid().ToString("N")[..8];
    private RoutingReplica _first = null!;
    private RoutingReplica _second = null!;

    private string Primary => $"chaos-primary-{_scope}";
    private string Second => $"chaos-second-{_scope}";
    private string Third => $"chaos-third-{_scope}";

    public async Task InitializeAsync()
    {
        var settings = platform.RoutingSettings(_scope);
        settings.AddModel(Primary, timeout: "00:00:00.300");
        settings.AddModel(Second, timeout: "00:00:05");
        settings.AddModel(Third, timeout: "00:00:05");
        settings.AddFallbackChain(Primary, Second, Third);
        settings["Routing:Breaker:ConsecutiveFailures"] = "5";
        settings["Routing:Breaker:MinimumRequests"] = "20";
        settings["Routing:Breaker:FailureRatePercent"] = "50";
        settings["Routing:Breaker:Cooldown"] = "00:00:02";
        settings["Routing:Health:RefreshInterval"] = "00:00:00.200";
        settings["Routing:Retry:BudgetRatio"] = RetryRatio.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Routing:Retry:BudgetMinPerSecond"] = RetryFloorPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _first = await RoutingReplica.StartAsync(settings);
        _second = await RoutingReplica.StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
        await platform.Simulator.ClearFaultsAsync(Primary);
        await _first.DisposeAsync();
        await _second.DisposeAsync();
    }

    [Fact]
    public async Task With_the_primary_failing_every_request_fallbacks_serve_999_in_1000_and_traffic_returns_after_recovery()
    {
        var agents = new (string Id, Tier Tier, TimeSpan Deadline)[]
        {
            (Infrastructure.Calls.Id("chaos-critical"), Tier.Critical, TimeSpan.FromSeconds(5)),
            (Infrastructure.Calls.Id("chaos-high"), Tier.High, TimeSpan.FromSeconds(10)),
            (Infrastructure.Calls.Id("chaos-medium"), Tier.Medium, TimeSpan.FromSeconds(2)),
        };
        foreach (var agent in agents)
            await platform.Budget.RegisterAgentAsync(agent.Id, agent.Tier, hourlyTokenLimit: 100_000_000);
        await platform.Simulator.SetFaultsAsync(Primary, new { rate_limited = 0.34, retry_after_seconds = 1, server_error = 0.33, hang = 0.33, hang_seconds = 30 });

        // Phase 1: chaos.
        var failures = new ConcurrentBag<string>();
        var servedBy = new ConcurrentDictionary<string, int>();
        var sawOpen = false;
        var next = -1;
        var clock = Stopwatch.StartNew();
        using var watcher = new CancellationTokenSource();
        var watch = Task.Run(async () =>
        {
            while (!watcher.IsCancellationRequested)
            {
                var health = (await _first.Client.GetModelHealthAsync(new GetModelHealthRequest { Model = Primary }, deadline: DateTime.UtcNow.AddSeconds(10))).Health;
                sawOpen |= health.BreakerState == BreakerState.Open;
                await Task.Delay(100);
            }
        });
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(worker => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < Calls)
            {
                var agent = agents[i % agents.Length];
                var replica = i % 2 == 0 ? _first : _second;
                try
                {
                    var response = await replica.Client.CompleteAsync(Infrastructure.Calls.Complete(agent.Id, Primary, $"chaos call {i}", maxTokens: 16),
                        deadline: DateTime.UtcNow + agent.Deadline);
                    servedBy.AddOrUpdate(response.Model, 1, (_, n) => n + 1);
                }
                catch (RpcException e)
                {
                    failures.Add($"{agent.Tier}: {e.StatusCode} {e.Status.Detail}");
                }
            }
        })));
        var chaosSeconds = clock.Elapsed.TotalSeconds;
        await watcher.CancelAsync();
        await watch;

        var primary = await platform.Simulator.StatsAsync(Primary);
        var second = await platform.Simulator.StatsAsync(Second);
        var third = await platform.Simulator.StatsAsync(Third);
        var attempts = primary.Requests + second.Requests + third.Requests;
        // Each replica may retry ratio x its calls, plus the floor for every second of its window (the run plus one window).
        var allowedRetries = RetryRatio * Calls + 2 * RetryFloorPerSecond * (Math.Ceiling(chaosSeconds) + 10);
        output.WriteLine($"{Calls} calls in {chaosSeconds:F1} s: {Calls - failures.Count} ok, {failures.Count} failed; served by {string.Join(", ", servedBy.Select(p => $"{p.Key}={p.Value}"))}");
        output.WriteLine($"provider attempts {attempts} (primary {primary.Requests}: {primary}); allowed {Calls + allowedRetries:F0}");
        foreach (var failure in failures.Take(10))
            output.WriteLine("failure: " + failure);

        Assert.True(failures.Count <= Calls / 1000, $"{failures.Count} of {Calls} calls failed; first: {failures.FirstOrDefault()}");
        Assert.True(sawOpen, "the primary's breaker was never seen open");
        Assert.True(primary.Requests < Calls / 10, $"the breaker let {primary.Requests} of {Calls} calls reach the failing primary");
        Assert.True(attempts <= Calls + allowedRetries, $"{attempts} provider attempts for {Calls} calls exceed the retry budget ({allowedRetries:F0} retries)");

        // Phase 2: the primary recovers; after the cooldown a probe closes the breaker and traffic returns.
        await platform.Simulator.ClearFaultsAsync(Primary);
        var agentId = agents[1].Id;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var backOnPrimary = 0;
        while (backOnPrimary < 20)
        {
            Assert.True(DateTime.UtcNow < deadline, "traffic did not return to the recovered primary within 60 s");
            var response = await _second.Client.CompleteAsync(Infrastructure.Calls.Complete(agentId, Primary, "after recovery", maxTokens: 16), deadline: DateTime.UtcNow.AddSeconds(10));
            backOnPrimary = response.Model == Primary ? backOnPrimary + 1 : 0;
            if (response.Model != Primary)
                await Task.Delay(50);
        }
        var healed = (await _first.Client.GetModelHealthAsync(new GetModelHealthRequest { Model = Primary }, deadline: DateTime.UtcNow.AddSeconds(10))).Health;
        Assert.Equal(BreakerState.Closed, healed.BreakerState);
    }
}
