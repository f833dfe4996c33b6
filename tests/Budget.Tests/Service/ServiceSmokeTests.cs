using Platform.Budget.Tests.Infrastructure;
using Platform.Budget.V1;
using Platform.Common.V1;
using Platform.Testing.Redis;

namespace Platform.Budget.Tests.Service;

/// <summary>The deployed service end to end: gRPC over HTTP/2, Redis decisions, the ledger in PostgreSQL.</summary>
[Collection(RedisServerFixture.Collection)]
public sealed class ServiceSmokeTests(RedisServerFixture redis)
{
    [Fact]
    public async Task Register_reserve_commit_and_the_ledger_reaches_postgres()
    {
        await using var budget = await BudgetDeployment.StartAsync(redis.ConnectionString);
        var client = budget.Client();
        foreach (var agent in Infrastructure.Proto.ProductFleet())
        {
            Assert.True((await client.RegisterAgentAsync(new RegisterAgentRequest { Agent = agent })).Created);
        }

        var reserve = await client.ReserveAsync(Infrastructure.Proto.Reserve("order_processing", 1_000, 500));
        Assert.True(reserve.Granted);
        Assert.Equal(1_500, reserve.Reservation.ReservedTokens);
        Assert.Equal(48_500, reserve.Reservation.RemainingTokens);
        var commit = await client.CommitAsync(Infrastructure.Proto.Commit(reserve.Reservation.ReservationId, 1_000, 200));
        Assert.Equal(300, commit.DifferenceTokens);

        await budget.WaitForLedgerAsync();
        var ledger = await client.ListLedgerEntriesAsync(new ListLedgerEntriesRequest { ReservationId = reserve.Reservation.ReservationId });
        Assert.Equal([LedgerEntryType.Commit, LedgerEntryType.Grant], ledger.Entries.Select(e => e.Type));
        var report = await client.GetUsageReportAsync(new GetUsageReportRequest { AgentIds = { "order_processing" } });
        var row = Assert.Single(report.Agents);
        Assert.Equal((50_000L, 1_200L, 0L, 1L), (row.HourlyTokens.Limit!.Value, row.HourlyTokens.Used, row.HourlyTokens.Reserved, row.HourlyTokens.RequestCount));
        Assert.Equal(4, report.Tiers.Count);
        Assert.Equal(1_200, report.Fleet.HourlyTokens.Used);
        var stored = (await client.GetAgentAsync(new GetAgentRequest { AgentId = "order_processing" })).Agent;
        Assert.Equal(50_000, stored.EffectiveLimits.HourlyTokenLimit);
        Assert.Equal(Platform.Budget.V1.AgentState.Active, stored.State);
    }
}
