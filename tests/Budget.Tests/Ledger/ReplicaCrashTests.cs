using Platform.Budget.Tests.Infrastructure;
using Platform.Budget.V1;
using Platform.Testing.Redis;
using P = Platform.Budget.Tests.Infrastructure.Proto;

namespace Platform.Budget.Tests.Ledger;

/// <summary>
/// A replica dies hard under load: the ledger entries it had taken but not yet written are claimed
/// by the survivor (XAUTOCLAIM), so every decision still reaches PostgreSQL exactly once.
/// </summary>
[Collection(RedisServerFixture.Collection)]
public sealed class ReplicaCrashTests(RedisServerFixture redis)
{
    [Fact]
    public async Task Entries_a_dead_replica_held_are_claimed_by_the_survivor()
    {
        await using var budget = await BudgetDeployment.StartAsync(redis.ConnectionString, replicas: 2);
        await budget.Client(1).RegisterAgentAsync(new RegisterAgentRequest { Agent = P.Agent("a", Platform.Common.V1.Tier.High, 100_000_000) });

        using var stop = new CancellationTokenSource();
        var load = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            // Only the survivor serves calls, so the crash never fails a caller; both replicas consume the ledger.
            var client = budget.Client(1);
            while (!stop.IsCancellationRequested)
            {
                var reply = await client.ReserveAsync(P.Reserve("a", 10, 10));
                await client.CommitAsync(P.Commit(reply.Reservation.ReservationId, 10, 5));
            }
        })).ToList();

        await Task.Delay(TimeSpan.FromSeconds(2));
        budget.Replicas[0].Kill();
        await Task.Delay(TimeSpan.FromSeconds(2));
        await stop.CancelAsync();
        await Task.WhenAll(load);

        // The dead consumer's pending entries become claimable after Budget:Ledger:ClaimIdleTime (5 s here).
        await budget.WaitForLedgerAsync(TimeSpan.FromSeconds(120));
        Assert.Equal(await budget.LedgerEntriesAddedAsync(), await budget.PostgresLedgerCountAsync());
    }
}
