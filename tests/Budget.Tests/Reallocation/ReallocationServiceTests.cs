using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Platform.Budget.Tests.Infrastructure;
using Platform.Budget.V1;
using Platform.Common.V1;
using Platform.Testing.Redis;
using P = Platform.Budget.Tests.Infrastructure.Proto;

namespace Platform.Budget.Tests.Reallocation;

/// <summary>Issue point 7 through the service: budget moves toward a starved agent, within the tier rules, audited.</summary>
[Collection(RedisServerFixture.Collection)]
public sealed class ReallocationServiceTests(RedisServerFixture redis)
{
    [Fact]
    public async Task A_run_moves_idle_budget_to_the_starved_agent_keeping_the_fleet_total()
    {
        await using var budget = await BudgetDeployment.StartAsync(redis.ConnectionString);
        var client = budget.Client();
        await StarveCustomerSupportAsync(budget);

        var preview = await client.PreviewReallocationAsync(new PreviewReallocationRequest());
        var run = await client.RunReallocationAsync(new RunReallocationRequest { IdempotencyKey = "manual-1" });

        Assert.Equal([("product_search", "customer_support", 4_500L)], preview.Moves.Select(m => (m.FromAgentId, m.ToAgentId, m.Tokens)));
        Assert.Equal(preview.Moves, run.Moves);
        Assert.All(run.Moves, m => Assert.Equal(3, m.ToDenialCount));
        var limits = await EffectiveHourlyLimitsAsync(client);
        Assert.Equal(new Dictionary<string, long> { ["customer_support"] = 14_500, ["product_search"] = 5_500 }, limits);
        Assert.Equal(20_000, limits.Values.Sum());
        Assert.True((await client.ReserveAsync(P.Reserve("customer_support", 1_000, 500))).Granted);

        await budget.WaitForLedgerAsync();
        var entries = await client.ListLedgerEntriesAsync(new ListLedgerEntriesRequest { ReallocationId = run.ReallocationId });
        Assert.Equal(2, entries.Entries.Count);
        Assert.All(entries.Entries, e => Assert.Equal(LedgerEntryType.Reallocation, e.Type));
        Assert.Equal(0, entries.Entries.Sum(e => e.Tokens));
        Assert.Contains(entries.Entries, e => e is { AgentId: "customer_support", CounterpartyAgentId: "product_search", Tokens: 4_500 });
        Assert.Contains(entries.Entries, e => e is { AgentId: "product_search", CounterpartyAgentId: "customer_support", Tokens: -4_500 });

        // Retries are safe; the same key with other parameters is refused.
        Assert.Equal(run, await client.RunReallocationAsync(new RunReallocationRequest { IdempotencyKey = "manual-1" }));
        var reused = await Assert.ThrowsAsync<RpcException>(() => client.RunReallocationAsync(new RunReallocationRequest
        {
            IdempotencyKey = "manual-1",
            Lookback = Duration.FromTimeSpan(TimeSpan.FromMinutes(30)),
        }).ResponseAsync);
        Assert.Equal(StatusCode.AlreadyExists, reused.StatusCode);
    }

    [Fact]
    public async Task The_periodic_job_reallocates_by_itself()
    {
        await using var budget = await BudgetDeployment.StartAsync(redis.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["Budget__Reallocation__Enabled"] = "true",
            ["Budget__Reallocation__CheckInterval"] = "00:00:00.500",
        });
        var client = budget.Client();
        await StarveCustomerSupportAsync(budget);

        // The job ran at start-up (nothing to move); clearing its last-run mark makes the next run due now.
        await budget.Database.KeyDeleteAsync(budget.Keys.ReallocationLastRun);
        using var watch = client.WatchEvents(new WatchEventsRequest { StartAfterEventId = "0-0", Types_ = { BudgetEventType.Reallocation } });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        Assert.True(await watch.ResponseStream.MoveNext(timeout.Token));

        var summary = watch.ResponseStream.Current.Event.Reallocation;
        Assert.True(summary.Scheduled);
        Assert.Equal(("product_search", "customer_support", 4_500L), (summary.Moves[0].FromAgentId, summary.Moves[0].ToAgentId, summary.Moves[0].Tokens));
    }

    /// <summary>
    /// customer_support (HIGH) uses 9,000 of its 10,000 tokens and is then denied 3 x 1,500; product_search
    /// (HIGH, idle) is its only possible donor, and HIGH never lends, so nothing was borrowed meanwhile.
    /// </summary>
    private static async Task StarveCustomerSupportAsync(BudgetDeployment budget)
    {
        var client = budget.Client();
        await client.RegisterAgentAsync(new RegisterAgentRequest { Agent = P.Agent("customer_support", Tier.High, 10_000) });
        await client.RegisterAgentAsync(new RegisterAgentRequest { Agent = P.Agent("product_search", Tier.High, 10_000) });
        var held = await client.ReserveAsync(P.Reserve("customer_support", 6_000, 3_000));
        await client.CommitAsync(P.Commit(held.Reservation.ReservationId, 6_000, 3_000));
        for (var i = 0; i < 3; i++)
        {
            var denied = await client.ReserveAsync(P.Reserve("customer_support", 1_000, 500));
            Assert.Equal(DenialReason.HourlyTokenLimit, denied.Denial.Reason);
        }

        await budget.WaitForLedgerAsync();
    }

    private static async Task<Dictionary<string, long>> EffectiveHourlyLimitsAsync(BudgetService.BudgetServiceClient client) =>
        (await client.ListAgentsAsync(new ListAgentsRequest())).Agents.ToDictionary(a => a.AgentId, a => a.EffectiveLimits.HourlyTokenLimit ?? 0);
}
