using System.Collections.Concurrent;
using Dapper;
using Npgsql;
using Platform.Budget.Accounting;
using Platform.Budget.Domain;
using Platform.Budget.Ledger;
using Platform.Budget.Registry;
using Platform.Budget.Tests.Infrastructure;
using Platform.Budget.V1;
using Platform.Testing.Redis;
using Xunit.Abstractions;
using FleetBudget = Platform.Budget.Domain.FleetBudget;
using LedgerEntryType = Platform.Budget.Ledger.LedgerEntryType;
using P = Platform.Budget.Tests.Infrastructure.Proto;

namespace Platform.Budget.Tests.Torture;

/// <summary>
/// The "done when": two replicas, 64 concurrent callers, 20,000 reserve/commit cycles with
/// random estimates, random actual usage under and over the estimate, and callers that vanish. Then,
/// from the durable ledger alone: no grant ever took committed + reserved + requested past the
/// allowance at that moment, every abandoned reservation came back by expiry, and the ledger's totals
/// equal the live counters.
/// </summary>
[Collection(RedisServerFixture.Collection)]
public sealed class TortureTests(RedisServerFixture redis, ITestOutputHelper output)
{
    private const int Cycles = 20_000;
    private const int Callers = 64;

    [Fact]
    public async Task Two_replicas_and_64_callers_never_overspend_and_the_ledger_adds_up()
    {
        await using var budget = await BudgetDeployment.StartAsync(redis.ConnectionString, replicas: 2);
        // PRODUCT.md's fleet, scaled so the budgets run out and refill (by under-use) many times over
        // the run; two agents also carry a daily USD limit.
        var agents = P.ProductFleet().Select(a =>
        {
            a.Limits.HourlyTokenLimit *= 100;
            if (a.AgentId is "customer_support" or "analytics")
            {
                a.Limits.DailyUsdLimitMicros = 30_000_000;
            }

            return a;
        }).ToList();
        foreach (var agent in agents)
        {
            await budget.Client().RegisterAgentAsync(new RegisterAgentRequest { Agent = agent });
        }

        var price = new Platform.Common.V1.ModelPrice { InputMicrosPerMtok = 1_000_000, OutputMicrosPerMtok = 4_000_000 };
        var abandoned = new ConcurrentDictionary<string, DateTimeOffset>();
        long remaining = Cycles, granted = 0, denied = 0;
        var started = DateTime.UtcNow;
        var callers = Enumerable.Range(0, Callers).Select(caller => Task.Run(async () =>
        {
            var random = new Random(caller * 7919);
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                var client = budget.Client(random.Next(2));
                var agent = agents[random.Next(agents.Count)].AgentId;
                var vanish = random.Next(20) == 0;
                var reply = await client.ReserveAsync(P.Reserve(agent, random.Next(0, 2_000), random.Next(1, 2_000), price: price,
                    ttl: vanish ? TimeSpan.FromSeconds(1) : null));
                if (!reply.Granted)
                {
                    Interlocked.Increment(ref denied);
                    continue;
                }

                Interlocked.Increment(ref granted);
                var reservation = reply.Reservation;
                if (vanish)
                {
                    abandoned[reservation.ReservationId] = reservation.ExpireTime.ToDateTimeOffset();
                    continue;
                }

                var settler = budget.Client(random.Next(2));
                if (random.Next(20) == 0)
                {
                    await settler.ReleaseAsync(new ReleaseRequest { ReservationId = reservation.ReservationId, Reason = ReleaseReason.CallFailed });
                    continue;
                }

                // Actual usage anywhere from nothing to 150% of the hold (over the estimate is charged as it is).
                var actual = random.Next(0, (int)(reservation.ReservedTokens * 3 / 2) + 1);
                var input = Math.Min(actual, random.Next(0, actual + 1));
                await settler.CommitAsync(P.Commit(reservation.ReservationId, input, actual - input));
            }
        })).ToList();
        await Task.WhenAll(callers);
        output.WriteLine($"{Cycles} cycles through gRPC in {(DateTime.UtcNow - started).TotalSeconds:0.0} s: {granted} granted, {denied} denied, {abandoned.Count} abandoned");

        // Abandoned holds come back by themselves (the replicas' sweepers); then the ledger drains.
        // Active holds are due in the expiry index within their ttl; settled records only when their
        // hour of retention ends. Nothing due within 5 minutes = no active hold left.
        var horizon = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeMilliseconds();
        await EventuallyAsync(async () => (await budget.Database.SortedSetRangeByScoreAsync(budget.Keys.Expiries, stop: horizon, take: 1)).Length == 0,
            "abandoned reservations expire");
        await budget.WaitForLedgerAsync();
        var ledger = await budget.PostgresLedgerAsync();

        var limits = EffectiveLimits.ForAll(FleetBudget.Default, agents.Select(ToDomain));
        var audit = LedgerAudit.Replay(ledger, limits);
        output.WriteLine($"ledger: {ledger.Count} entries, {audit.Grants} grants, {audit.Denials} denials, {audit.Expiries} expiries");
        Assert.Empty(audit.Violations.Take(20));
        Assert.Empty(audit.ActiveReservations);
        Assert.Equal(granted, audit.Grants);
        Assert.Equal(denied, audit.Denials);
        Assert.True(granted > Cycles / 4 && denied > 0, $"the run should both grant and deny: {granted} granted, {denied} denied");

        // Every abandoned reservation came back through an EXPIRE entry, never before its expiry.
        var expiries = ledger.Where(e => e.Type == LedgerEntryType.Expire).ToDictionary(e => e.ReservationId);
        foreach (var (id, expireTime) in abandoned)
        {
            Assert.True(expiries.TryGetValue(id, out var expiry), $"abandoned reservation {id} never expired");
            Assert.True(expiry.CreateTime >= expireTime, $"{id} was reclaimed at {expiry.CreateTime:O}, before its expiry {expireTime:O}");
        }

        // The ledger's totals equal the live counters, window by window.
        foreach (var ((agent, window, index), counters) in audit.AllCounters())
        {
            var day = window == 'h' ? BudgetWindows.DayOfHour(index) : index;
            var field = window == 'h' ? PackedWindow.HourField(agent, index) : agent;
            var live = PackedWindow.Parse(await budget.Database.HashGetAsync(budget.Keys.Day(day), field));
            Assert.Equal((counters.Tu, counters.Tr, counters.Cu, counters.Cr, counters.B, counters.L), (live[0], live[1], live[2], live[3], live[4], live[5]));
        }

        // And the daily roll-up equals the ledger it sums.
        await using var connection = new NpgsqlConnection(budget.DatabaseConnectionString);
        var rollup = (await connection.QueryAsync<(string Agent, long Tokens, long Cost, long Grants)>(
            "SELECT agent_id, sum(committed_tokens)::bigint, sum(committed_cost_micros)::bigint, sum(grants)::bigint FROM budget.agent_daily_usage GROUP BY agent_id"))
            .ToDictionary(r => r.Agent);
        foreach (var group in ledger.Where(e => e.AgentId.Length > 0).GroupBy(e => e.AgentId))
        {
            var commits = group.Where(e => e.Type == LedgerEntryType.Commit).ToList();
            Assert.Equal((commits.Sum(e => e.Tokens), commits.Sum(e => e.CostMicros), (long)group.Count(e => e.Type == LedgerEntryType.Grant)),
                (rollup[group.Key].Tokens, rollup[group.Key].Cost, rollup[group.Key].Grants));
        }
    }

    private static Domain.Agent ToDomain(Platform.Budget.V1.Agent agent) => TestAgents.Agent(agent.AgentId, (Tier)(int)agent.Tier,
        agent.Limits.HourlyTokenLimit, agent.Limits.DailyUsdLimitMicros);


    private static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting until {what}");
            await Task.Delay(250);
        }
    }
}
