using Google.Protobuf.WellKnownTypes;
using Platform.Budget.Tests.Infrastructure;
using Platform.Budget.V1;
using Platform.Common.V1;
using Platform.Testing.Redis;
using P = Platform.Budget.Tests.Infrastructure.Proto;

namespace Platform.Budget.Tests.Service;

/// <summary>Issue points 1 and 6 through the service: the registry, tier-share defaults, the seed and the usage report.</summary>
[Collection(RedisServerFixture.Collection)]
public sealed class RegistryAndReportTests(RedisServerFixture redis)
{
    [Fact]
    public async Task The_seed_registers_product_md_fleet_once_and_reports_show_usage_borrowing_and_tier_totals()
    {
        await using var budget = await BudgetDeployment.StartAsync(redis.ConnectionString,
            settings: new Dictionary<string, string?> { ["Budget__Seed__Enabled"] = "true" });
        var client = budget.Client();

        var agents = (await client.ListAgentsAsync(new ListAgentsRequest())).Agents;
        Assert.Equal(["analytics", "customer_support", "logger", "order_processing", "payment_verification", "product_search"],
            agents.Select(a => a.AgentId));
        Assert.Equal(165_000, (await client.GetFleetBudgetAsync(new GetFleetBudgetRequest())).FleetBudget.Limits.HourlyTokenLimit);

        var held = await client.ReserveAsync(P.Reserve("order_processing", 40_000, 12_000));
        Assert.Equal(2_000, held.Reservation.Loans.Single().Tokens);
        await client.ReserveAsync(P.Reserve("logger", 4_000, 1_000));
        var report = await client.GetUsageReportAsync(new GetUsageReportRequest { PageSize = 2 });

        Assert.Equal(["analytics", "customer_support"], report.Agents.Select(a => a.AgentId));
        var all = await client.GetUsageReportAsync(new GetUsageReportRequest());
        var order = all.Agents.Single(a => a.AgentId == "order_processing").HourlyTokens;
        Assert.Equal((50_000L, 52_000L, 2_000L, 104.0), (order.Limit!.Value, order.Reserved, order.Borrowed, order.UtilisationPercent));
        var logger = all.Agents.Single(a => a.AgentId == "logger").HourlyTokens;
        // logger lent 2,000 of its 5,000, so 3,000 remain for itself (its 5,000 ask was denied).
        Assert.Equal((5_000L, 2_000L, 1L, 3_000L), (logger.Limit!.Value, logger.Lent, logger.DenialCount, logger.Available!.Value));
        Assert.True(all.Agents.Single(a => a.AgentId == "order_processing").Warning);
        var critical = all.Tiers.Single(t => t.Tier == Tier.Critical);
        Assert.Equal((2, 40, 66_000L, 52_000L), (critical.AgentCount, critical.SharePercent, critical.HourlyTokens.Limit!.Value, critical.HourlyTokens.Reserved));
        Assert.Equal(165_000, all.Fleet.HourlyTokens.Limit);

        // A restart with the seed on again leaves operators' changes alone.
        var changed = agents.Single(a => a.AgentId == "logger").Clone();
        changed.Limits.HourlyTokenLimit = 7_000;
        await client.UpdateAgentAsync(new UpdateAgentRequest { Agent = changed, UpdateMask = new FieldMask { Paths = { "limits.hourly_token_limit" } } });
        await budget.AddReplicaAsync();
        var again = await budget.Client(1).GetAgentAsync(new GetAgentRequest { AgentId = "logger" });
        Assert.Equal(7_000, again.Agent.Limits.HourlyTokenLimit);
    }

    [Fact]
    public async Task Agents_without_a_limit_get_their_tiers_share_and_retiring_rebalances_it()
    {
        await using var budget = await BudgetDeployment.StartAsync(redis.ConnectionString);
        var client = budget.Client();
        var fleet = (await client.GetFleetBudgetAsync(new GetFleetBudgetRequest())).FleetBudget;
        fleet.Limits.HourlyTokenLimit = 100_000;
        await client.UpdateFleetBudgetAsync(new UpdateFleetBudgetRequest { FleetBudget = fleet, UpdateMask = new FieldMask { Paths = { "limits.hourly_token_limit" } } });
        await client.RegisterAgentAsync(new RegisterAgentRequest { Agent = P.Agent("h1", Tier.High) });
        await client.RegisterAgentAsync(new RegisterAgentRequest { Agent = P.Agent("h2", Tier.High) });
        await client.RegisterAgentAsync(new RegisterAgentRequest { Agent = P.Agent("h3", Tier.High) });

        var shared = (await client.GetAgentAsync(new GetAgentRequest { AgentId = "h1" })).Agent;
        Assert.Null(shared.Limits.HourlyTokenLimit);
        Assert.Equal(10_000, shared.EffectiveLimits.HourlyTokenLimit);
        Assert.True((await client.ReserveAsync(P.Reserve("h1", 9_000, 1_000))).Granted);
        Assert.False((await client.ReserveAsync(P.Reserve("h1", 1, 1))).Granted);

        var retired = (await client.RetireAgentAsync(new RetireAgentRequest { AgentId = "h3", Reason = "replaced" })).Agent;
        Assert.Equal(AgentState.Retired, retired.State);
        Assert.Equal(retired, (await client.RetireAgentAsync(new RetireAgentRequest { AgentId = "h3" })).Agent);
        Assert.Equal(15_000, (await client.GetAgentAsync(new GetAgentRequest { AgentId = "h1" })).Agent.EffectiveLimits.HourlyTokenLimit);
        Assert.True((await client.ReserveAsync(P.Reserve("h1", 4_000, 1_000))).Granted);
        Assert.Equal(["h1", "h2"], (await client.ListAgentsAsync(new ListAgentsRequest())).Agents.Select(a => a.AgentId));
        Assert.Equal(3, (await client.ListAgentsAsync(new ListAgentsRequest { IncludeRetired = true })).Agents.Count);

        // Registering a retired agent again reactivates it.
        var back = await client.RegisterAgentAsync(new RegisterAgentRequest { Agent = P.Agent("h3", Tier.High) });
        Assert.True(back.Created);
        Assert.Equal(AgentState.Active, back.Agent.State);
        Assert.Null(back.Agent.RetireTime);
    }

    [Fact]
    public async Task Listing_pages_through_agents_in_id_order()
    {
        await using var budget = await BudgetDeployment.StartAsync(redis.ConnectionString);
        var client = budget.Client();
        for (var i = 0; i < 7; i++)
        {
            await client.RegisterAgentAsync(new RegisterAgentRequest { Agent = P.Agent($"a{i}", i % 2 == 0 ? Tier.Low : Tier.Medium, 10, team: "t") });
        }

        var seen = new List<string>();
        var token = string.Empty;
        do
        {
            var page = await client.ListAgentsAsync(new ListAgentsRequest { PageSize = 3, PageToken = token, Tier = Tier.Low });
            seen.AddRange(page.Agents.Select(a => a.AgentId));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal(["a0", "a2", "a4", "a6"], seen);
        var first = await client.ListAgentsAsync(new ListAgentsRequest { PageSize = 3, Tier = Tier.Low });
        var error = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() =>
            client.ListAgentsAsync(new ListAgentsRequest { PageSize = 3, PageToken = first.NextPageToken, Tier = Tier.Medium }).ResponseAsync);
        Assert.Equal(Grpc.Core.StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task The_window_resets_for_every_replica_when_the_hour_turns()
    {
        await using var budget = await BudgetDeployment.StartAsync(redis.ConnectionString, replicas: 2);
        await budget.Client().RegisterAgentAsync(new RegisterAgentRequest { Agent = P.Agent("w", Tier.Medium, 1_000) });
        Assert.True((await budget.Client(0).ReserveAsync(P.Reserve("w", 500, 500))).Granted);
        var denied = await budget.Client(1).ReserveAsync(P.Reserve("w", 1, 1));
        Assert.Equal(DenialReason.HourlyTokenLimit, denied.Denial.Reason);

        await budget.AdvanceClockAsync(TimeSpan.FromHours(1));

        Assert.True((await budget.Client(1).ReserveAsync(P.Reserve("w", 250, 250))).Granted);
        Assert.True((await budget.Client(0).ReserveAsync(P.Reserve("w", 250, 250))).Granted);
        Assert.False((await budget.Client(0).ReserveAsync(P.Reserve("w", 1, 1))).Granted);
    }
}
