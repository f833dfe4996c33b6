using Platform.Budget.Accounting;
using Platform.Budget.Domain;
using Platform.Budget.Tests.Infrastructure;
using Platform.Testing.Redis;

namespace Platform.Budget.Tests.Scenarios;

[Collection(RedisServerFixture.Collection)]
public sealed class ExpiryTests(RedisServerFixture redis)
{
    [Fact]
    public async Task An_abandoned_reservation_comes_back_when_it_expires()
    {
        await using var budget = await RedisBudget.StartAsync(redis, [TestAgents.Agent("a", Tier.High, 10_000)]);
        var held = await budget.ReserveAsync("a", 1_000, 1_000, ttl: TimeSpan.FromSeconds(5));

        Assert.Equal(new(0, 0), await budget.Sweeper.SweepOnceAsync());
        await budget.AdvanceClockAsync(TimeSpan.FromSeconds(6));
        var swept = await budget.Sweeper.SweepOnceAsync();

        Assert.Equal(1, swept.Reclaimed);
        Assert.Equal(0, await budget.HourCounterAsync("a", "tr"));
        var expiry = (await budget.LedgerAsync()).Single(e => (string)e["t"]! == "4");
        Assert.Equal((held.Reservation!.ReservationId, "2000"), ((string)expiry["r"]!, (string)expiry["k"]!));
        Assert.True((long)expiry["ts"] >= held.Reservation.ExpireTime.ToUnixTimeMilliseconds());
        Assert.Contains(await budget.EventsAsync(), e => (string)e["e"]! == "7");
    }

    [Fact]
    public async Task Reserve_reclaims_expired_holds_itself_before_deciding()
    {
        await using var budget = await RedisBudget.StartAsync(redis, [TestAgents.Agent("a", Tier.High, 10_000)]);
        await budget.ReserveAsync("a", 5_000, 5_000, ttl: TimeSpan.FromSeconds(2));
        Assert.False((await budget.ReserveAsync("a", 10, 10)).Granted);

        await budget.AdvanceClockAsync(TimeSpan.FromSeconds(3));

        Assert.True((await budget.ReserveAsync("a", 10, 10)).Granted);
        Assert.Single(await budget.LedgerAsync(), e => (string)e["t"]! == "4");
    }

    [Fact]
    public async Task A_commit_after_expiry_is_still_charged_and_says_so()
    {
        await using var budget = await RedisBudget.StartAsync(redis, [TestAgents.Agent("a", Tier.High, 10_000)]);
        var held = await budget.ReserveAsync("a", 1_000, 1_000, ttl: TimeSpan.FromSeconds(1));
        await budget.AdvanceClockAsync(TimeSpan.FromSeconds(2));
        await budget.Sweeper.SweepOnceAsync();

        var commit = await budget.CommitAsync(held.Reservation!.ReservationId, 1_000, 500);

        Assert.True(commit.ReservationExpired);
        Assert.Equal(1_500, commit.CommittedTokens);
        Assert.Equal(1_500, await budget.HourCounterAsync("a", "tu"));
        Assert.Equal(0, await budget.HourCounterAsync("a", "tr"));
        var entry = (await budget.LedgerAsync()).Single(e => (string)e["t"]! == "2");
        Assert.Equal("0", (string)entry["hk"]!);
        // Once committed it cannot be released, whatever happened before.
        var release = await Assert.ThrowsAsync<BudgetException>(() => budget.ReleaseAsync(held.Reservation.ReservationId));
        Assert.Equal(BudgetErrorKind.FailedPrecondition, release.Kind);
    }

    [Fact]
    public async Task Releasing_an_expired_reservation_reports_it_already_settled()
    {
        await using var budget = await RedisBudget.StartAsync(redis, [TestAgents.Agent("a", Tier.High, 10_000)]);
        var held = await budget.ReserveAsync("a", 1_000, 1_000, ttl: TimeSpan.FromSeconds(1));
        await budget.AdvanceClockAsync(TimeSpan.FromSeconds(2));
        await budget.Sweeper.SweepOnceAsync();

        var release = await budget.ReleaseAsync(held.Reservation!.ReservationId);

        Assert.Equal(new ReleaseResult(0, 0, true), release);
    }

    [Fact]
    public async Task Extend_pushes_the_expiry_and_refuses_once_expired()
    {
        await using var budget = await RedisBudget.StartAsync(redis, [TestAgents.Agent("a", Tier.High, 10_000)]);
        var held = await budget.ReserveAsync("a", 10, 10, ttl: TimeSpan.FromSeconds(2));
        var id = held.Reservation!.ReservationId;

        var extended = await budget.Accountant.ExtendAsync(new ExtendCommand(id, TimeSpan.FromMinutes(10)));
        await budget.AdvanceClockAsync(TimeSpan.FromSeconds(5));

        Assert.True(extended.ExpireTime > held.Reservation.ExpireTime.AddMinutes(9));
        Assert.Equal(0, (await budget.Sweeper.SweepOnceAsync()).Reclaimed);
        await budget.AdvanceClockAsync(TimeSpan.FromMinutes(11));
        var refused = await Assert.ThrowsAsync<BudgetException>(() => budget.Accountant.ExtendAsync(new ExtendCommand(id, TimeSpan.FromMinutes(1))).AsTask());
        Assert.Equal((BudgetErrorKind.FailedPrecondition, "RESERVATION_NOT_ACTIVE"), (refused.Kind, refused.Reason));
        Assert.Equal(0, await budget.HourCounterAsync("a", "tr"));
    }
}
