using Platform.Budget.Accounting;
using Platform.Budget.Domain;
using Platform.Budget.Ledger;
using Platform.Budget.Registry;
using Platform.Budget.Tests.Infrastructure;
using Platform.Testing.Redis;
using Xunit.Abstractions;

namespace Platform.Budget.Tests.Concurrency;

/// <summary>
/// Two replicas (own connections and caches) and 64 concurrent callers on one fleet, straight on the
/// scripts: no grant may ever exceed an allowance, whatever the interleaving. The gRPC torture test
/// repeats this end to end with PostgreSQL; this one isolates the Redis decisions.
/// </summary>
[Collection(RedisServerFixture.Collection)]
public sealed class ConcurrentReplicaTests(RedisServerFixture redis, ITestOutputHelper output)
{
    [Fact]
    public async Task Sixty_four_callers_on_two_replicas_never_exceed_an_allowance()
    {
        var agents = TestAgents.ProductFleet()
            .Select(a => a with
            {
                Spec = a.Spec with { Limits = new BudgetLimits(a.Spec.Limits.HourlyTokens * 8, null, null, 1_500_000) },
            })
            .ToList();
        await using var first = await RedisBudget.StartAsync(redis, agents);
        await using var second = await RedisBudget.JoinAsync(redis, first);
        var replicas = new[] { first, second };
        var price = new ModelPrice(1_000_000, 4_000_000);
        using var sweeping = new CancellationTokenSource();
        var sweeper = Task.Run(async () =>
        {
            while (!sweeping.IsCancellationRequested)
            {
                await first.Sweeper.SweepOnceAsync();
                await Task.Delay(200);
            }
        });

        var callers = Enumerable.Range(0, 64).Select(caller => Task.Run(async () =>
        {
            var random = new Random(caller);
            for (var i = 0; i < 60; i++)
            {
                var replica = replicas[random.Next(2)];
                var agent = agents[random.Next(agents.Count)].Id;
                var held = await replica.ReserveAsync(agent, random.Next(0, 800), random.Next(1, 800), price: price,
                    ttl: TimeSpan.FromSeconds(1));
                if (!held.Granted)
                {
                    continue;
                }

                switch (random.Next(10))
                {
                    case 0:
                        break; // vanished: the hold must come back by expiry
                    case 1:
                        await replicas[random.Next(2)].ReleaseAsync(held.Reservation!.ReservationId);
                        break;
                    default:
                        var estimate = held.Reservation!.ReservedTokens;
                        var actual = random.Next(0, (int)(estimate * 3 / 2) + 1);
                        await replicas[random.Next(2)].CommitAsync(held.Reservation.ReservationId, actual / 2, actual - (actual / 2));
                        break;
                }
            }
        })).ToList();
        await Task.WhenAll(callers);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await sweeping.CancelAsync();
        await sweeper;
        await first.Sweeper.SweepOnceAsync();

        var ledger = (await first.LedgerAsync()).Select(LedgerStreamEntry.Parse).ToList();
        var limits = EffectiveLimits.ForAll(FleetBudget.Default, agents);
        var audit = LedgerAudit.Replay(ledger, limits);

        output.WriteLine($"{ledger.Count} entries: {audit.Grants} grants, {audit.Denials} denials, {audit.Expiries} expiries");
        Assert.Empty(audit.Violations);
        Assert.Empty(audit.ActiveReservations);
        Assert.True(audit.Grants > 1_000, $"only {audit.Grants} grants");
        Assert.True(audit.Denials > 0, "the budgets should run out during the test");
        foreach (var ((agent, window, index), counters) in audit.AllCounters())
        {
            var day = window == 'h' ? BudgetWindows.DayOfHour(index) : index;
            var field = window == 'h' ? PackedWindow.HourField(agent, index) : agent;
            var live = PackedWindow.Parse(await first.Redis.HashGetAsync(first.Keys.Day(day), field));
            Assert.Equal((counters.Tu, counters.Tr, counters.Cu, counters.Cr, counters.B, counters.L), (live[0], live[1], live[2], live[3], live[4], live[5]));
        }
    }

}
