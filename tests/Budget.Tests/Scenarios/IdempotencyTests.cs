using Platform.Budget.Domain;
using Platform.Budget.Tests.Infrastructure;
using Platform.Testing.Redis;

namespace Platform.Budget.Tests.Scenarios;

[Collection(RedisServerFixture.Collection)]
public sealed class IdempotencyTests(RedisServerFixture redis)
{
    [Fact]
    public async Task The_same_key_and_request_return_the_same_reservation_and_hold_once()
    {
        await using var budget = await RedisBudget.StartAsync(redis, [TestAgents.Agent("a", Tier.High, 10_000)]);

        var first = await budget.ReserveAsync("a", 100, 100, key: "attempt-1");
        var repeat = await budget.ReserveAsync("a", 100, 100, key: "attempt-1");

        Assert.Equal(first.Reservation, repeat.Reservation);
        Assert.Equal(200, await budget.HourCounterAsync("a", "tr"));
        Assert.Single(await budget.LedgerAsync());
    }

    [Fact]
    public async Task A_repeat_after_commit_still_answers_with_the_original_grant()
    {
        await using var budget = await RedisBudget.StartAsync(redis, [TestAgents.Agent("a", Tier.High, 10_000)]);
        var first = await budget.ReserveAsync("a", 100, 100, key: "attempt-1");
        await budget.CommitAsync(first.Reservation!.ReservationId, 100, 10);

        var repeat = await budget.ReserveAsync("a", 100, 100, key: "attempt-1");

        Assert.Equal(first.Reservation.ReservationId, repeat.Reservation!.ReservationId);
        Assert.Equal(110, await budget.HourCounterAsync("a", "tu"));
        Assert.Equal(0, await budget.HourCounterAsync("a", "tr"));
    }

    [Fact]
    public async Task The_same_key_with_a_different_request_is_already_exists()
    {
        await using var budget = await RedisBudget.StartAsync(redis, [TestAgents.Agent("a", Tier.High, 10_000)]);
        await budget.ReserveAsync("a", 100, 100, key: "attempt-1");

        var reused = await Assert.ThrowsAsync<BudgetException>(() => budget.ReserveAsync("a", 100, 999, key: "attempt-1"));

        Assert.Equal((BudgetErrorKind.AlreadyExists, "IDEMPOTENCY_KEY_REUSED"), (reused.Kind, reused.Reason));
    }
}
