using Dapper;
using Npgsql;
using Platform.Budget.Tests.Infrastructure;
using Platform.Budget.V1;
using Platform.Testing.Postgres;
using Platform.Testing.Redis;
using Xunit.Abstractions;
using P = Platform.Budget.Tests.Infrastructure.Proto;

namespace Platform.Budget.Tests.Ledger;

/// <summary>
/// PostgreSQL stops in the middle of the load: reservations keep being decided (Redis), the ledger
/// waits in the stream, and once PostgreSQL is back every entry arrives exactly once.
/// </summary>
[Collection(RedisServerFixture.Collection)]
public sealed class PostgresOutageTests(RedisServerFixture redis, ITestOutputHelper output)
{
    [Fact]
    public async Task No_ledger_entry_is_lost_while_postgres_is_down()
    {
        // Its own server: stopping the shared one would fail everybody else's tests.
        await using var postgres = await PostgresServer.StartNewAsync();
        var database = await postgres.CreateDatabaseAsync("outage");
        await using var budget = await BudgetDeployment.StartAsync(redis.ConnectionString, replicas: 2, database: database);
        foreach (var agent in P.ProductFleet())
        {
            await budget.Client().RegisterAgentAsync(new RegisterAgentRequest { Agent = agent });
        }

        var reservations = new System.Collections.Concurrent.ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();
        var load = Enumerable.Range(0, 16).Select(caller => Task.Run(async () =>
        {
            var random = new Random(caller);
            while (!stop.IsCancellationRequested)
            {
                var client = budget.Client(random.Next(2));
                var reply = await client.ReserveAsync(P.Reserve("order_processing", random.Next(1, 20), random.Next(1, 20)));
                if (reply.Granted)
                {
                    reservations.Add(reply.Reservation.ReservationId);
                    await client.CommitAsync(P.Commit(reply.Reservation.ReservationId, 5, 5));
                }
            }
        })).ToList();

        await Task.Delay(TimeSpan.FromSeconds(2));
        await postgres.StopAsync();
        var atStop = reservations.Count;
        await Task.Delay(TimeSpan.FromSeconds(8));
        var duringOutage = reservations.Count - atStop;
        await postgres.StartAsync();
        await Task.Delay(TimeSpan.FromSeconds(2));
        await stop.CancelAsync();
        await Task.WhenAll(load);
        output.WriteLine($"{reservations.Count} reservations, {duringOutage} of them while PostgreSQL was down");
        Assert.True(duringOutage > 0, "reservations must keep being decided while PostgreSQL is down");

        await budget.WaitForLedgerAsync(TimeSpan.FromSeconds(180));
        await using var connection = new NpgsqlConnection(database);
        var committed = (await connection.QueryAsync<string>(
            "SELECT reservation_id FROM budget.ledger_entries WHERE type = 2")).ToHashSet();
        Assert.Equal(reservations.Count, committed.Count);
        Assert.All(reservations, id => Assert.Contains(id, committed));
        Assert.Equal(await budget.LedgerEntriesAddedAsync(), await budget.PostgresLedgerCountAsync());
    }
}
