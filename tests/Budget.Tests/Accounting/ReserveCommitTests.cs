using Platform.Budget.Accounting;
using Platform.Budget.Domain;
using Platform.Budget.Tests.Infrastructure;
using Platform.Testing.Redis;

namespace Platform.Budget.Tests.Accounting;

[Collection(RedisServerFixture.Collection)]
public sealed class ReserveCommitTests(RedisServerFixture redis)
{
    [Fact]
    public async Task A_grant_holds_input_plus_output_and_commit_returns_the_difference()
    {
        await using var budget = await RedisBudget.StartAsync(redis, [TestAgents.Agent("a", Tier.High, 10_000)]);

        var granted = await budget.ReserveAsync("a", 1_000, 500);

        var reservation = Assert.IsType<Reservation>(granted.Reservation);
        Assert.Equal(1_500, reservation.ReservedTokens);
        Assert.Equal(8_500, reservation.RemainingTokens);
        Assert.Equal(ReservationState.Active, reservation.State);
        Assert.Equal(1_500, await budget.HourCounterAsync("a", "tr"));

        var commit = await budget.CommitAsync(reservation.ReservationId, 900, 300);

        Assert.Equal(1_200, commit.CommittedTokens);
        Assert.Equal(300, commit.DifferenceTokens);
        Assert.False(commit.Duplicate);
        Assert.Equal(0, await budget.HourCounterAsync("a", "tr"));
        Assert.Equal(1_200, await budget.HourCounterAsync("a", "tu"));
        Assert.Equal(1_200, await budget.DayCounterAsync("a", "tu"));
        var ledger = await budget.LedgerAsync();
        Assert.Equal(["1", "2"], ledger.Select(e => (string)e["t"]!));
    }

    [Fact]
    public async Task When_the_hourly_limit_is_used_up_the_denial_says_why_and_when_to_retry()
    {
        await using var budget = await RedisBudget.StartAsync(redis, [TestAgents.Agent("a", Tier.Medium, 1_000)]);
        var first = await budget.ReserveAsync("a", 600, 300);
        await budget.CommitAsync(first.Reservation!.ReservationId, 600, 300);

        var denied = await budget.ReserveAsync("a", 100, 50);

        Assert.False(denied.Granted);
        var denial = denied.Denial!;
        Assert.Equal(DenialReason.HourlyTokenLimit, denial.Reason);
        Assert.Equal(150, denial.RequestedTokens);
        Assert.Equal(100, denial.AvailableTokens);
        Assert.NotNull(denial.RetryAfter);
        Assert.InRange(denial.RetryAfter!.Value, TimeSpan.FromMilliseconds(1), TimeSpan.FromHours(1));
        Assert.Contains("hourly_tokens", denial.Message);
        Assert.Equal(1, await budget.HourCounterAsync("a", "dn"));
        Assert.Equal("5", (string)(await budget.LedgerAsync())[^1]["t"]!);
    }

    [Fact]
    public async Task A_request_larger_than_the_whole_limit_is_denied_without_retry_after()
    {
        await using var budget = await RedisBudget.StartAsync(redis, [TestAgents.Agent("a", Tier.Medium, 1_000)]);

        var denied = await budget.ReserveAsync("a", 900, 200);

        Assert.Equal(DenialReason.RequestExceedsLimit, denied.Denial!.Reason);
        Assert.Null(denied.Denial.RetryAfter);
    }

    [Fact]
    public async Task Held_budget_counts_against_the_limit_until_it_is_settled()
    {
        await using var budget = await RedisBudget.StartAsync(redis, [TestAgents.Agent("a", Tier.Medium, 1_000)]);
        var held = await budget.ReserveAsync("a", 500, 300);

        var denied = await budget.ReserveAsync("a", 200, 100);

        Assert.Equal(DenialReason.HourlyTokenLimit, denied.Denial!.Reason);
        // It fits once the hold settles, so retrying soon can help.
        Assert.True(denied.Denial.RetryAfter <= TimeSpan.FromSeconds(1));
        await budget.ReleaseAsync(held.Reservation!.ReservationId);
        Assert.True((await budget.ReserveAsync("a", 200, 100)).Granted);
    }

    [Fact]
    public async Task Usage_above_the_estimate_is_charged_reported_as_overage_and_blocks_the_window()
    {
        await using var budget = await RedisBudget.StartAsync(redis, [TestAgents.Agent("a", Tier.Medium, 1_000)]);
        var held = await budget.ReserveAsync("a", 400, 400);

        var commit = await budget.CommitAsync(held.Reservation!.ReservationId, 400, 900);

        Assert.Equal(1_300, commit.CommittedTokens);
        Assert.Equal(-500, commit.DifferenceTokens);
        Assert.Equal(300, commit.OverageTokens);
        Assert.Equal(1_300, await budget.HourCounterAsync("a", "tu"));
        Assert.Equal(300, await budget.HourCounterAsync("a", "to"));
        var denied = await budget.ReserveAsync("a", 1, 1);
        Assert.Equal(DenialReason.HourlyTokenLimit, denied.Denial!.Reason);
        Assert.Contains(await budget.EventsAsync(), e => (string)e["e"]! == "6");
    }

    [Fact]
    public async Task Commit_is_idempotent_and_final()
    {
        await using var budget = await RedisBudget.StartAsync(redis, [TestAgents.Agent("a", Tier.High, 10_000)]);
        var held = await budget.ReserveAsync("a", 100, 100);
        var id = held.Reservation!.ReservationId;
        var first = await budget.CommitAsync(id, 100, 50);

        var repeat = await budget.CommitAsync(id, 100, 50);

        Assert.True(repeat.Duplicate);
        Assert.Equal(first with { Duplicate = true }, repeat);
        Assert.Equal(150, await budget.HourCounterAsync("a", "tu"));
        var different = await Assert.ThrowsAsync<BudgetException>(() => budget.CommitAsync(id, 100, 60));
        Assert.Equal(BudgetErrorKind.FailedPrecondition, different.Kind);
        var release = await Assert.ThrowsAsync<BudgetException>(() => budget.ReleaseAsync(id));
        Assert.Equal(BudgetErrorKind.FailedPrecondition, release.Kind);
    }

    [Fact]
    public async Task Release_returns_everything_once_and_then_reports_already_settled()
    {
        await using var budget = await RedisBudget.StartAsync(redis, [TestAgents.Agent("a", Tier.High, 10_000)]);
        var held = await budget.ReserveAsync("a", 100, 100);
        var id = held.Reservation!.ReservationId;

        var release = await budget.ReleaseAsync(id);
        var again = await budget.ReleaseAsync(id);

        Assert.Equal(new ReleaseResult(200, 0, false), release);
        Assert.Equal(new ReleaseResult(0, 0, true), again);
        Assert.Equal(0, await budget.HourCounterAsync("a", "tr"));
        var commit = await Assert.ThrowsAsync<BudgetException>(() => budget.CommitAsync(id, 1, 1));
        Assert.Equal(BudgetErrorKind.FailedPrecondition, commit.Kind);
        Assert.Equal("RESERVATION_RELEASED", commit.Reason);
    }

    [Fact]
    public async Task Unknown_or_retired_agents_and_unknown_reservations_are_refused_precisely()
    {
        await using var budget = await RedisBudget.StartAsync(redis,
            [TestAgents.Agent("a", Tier.High, 10_000), TestAgents.Agent("old", Tier.High, 10_000, state: AgentState.Retired)]);

        var unknown = await Assert.ThrowsAsync<BudgetException>(() => budget.ReserveAsync("nobody", 1, 1));
        var retired = await Assert.ThrowsAsync<BudgetException>(() => budget.ReserveAsync("old", 1, 1));
        var reservation = await Assert.ThrowsAsync<BudgetException>(() => budget.CommitAsync("r1234-doesnotexist", 1, 1));
        var garbage = await Assert.ThrowsAsync<BudgetException>(() => budget.ReleaseAsync("not-an-id"));

        Assert.Equal((BudgetErrorKind.NotFound, "AGENT_NOT_FOUND"), (unknown.Kind, unknown.Reason));
        Assert.Equal((BudgetErrorKind.FailedPrecondition, "AGENT_RETIRED"), (retired.Kind, retired.Reason));
        Assert.Equal(BudgetErrorKind.NotFound, reservation.Kind);
        Assert.Equal(BudgetErrorKind.NotFound, garbage.Kind);
    }

    [Fact]
    public async Task Usd_limits_hold_the_priced_cost_and_need_a_price()
    {
        await using var budget = await RedisBudget.StartAsync(redis, [TestAgents.Agent("a", Tier.High, dailyUsdMicros: 50_000_000)]);
        var price = new ModelPrice(2_500_000, 10_000_000);

        var granted = await budget.ReserveAsync("a", 1_000_000, 1_000_000, price: price);
        var noPrice = await Assert.ThrowsAsync<BudgetException>(() => budget.ReserveAsync("a", 1, 1));

        Assert.Equal(12_500_000, granted.Reservation!.ReservedCostMicros);
        Assert.Equal(37_500_000, granted.Reservation.RemainingCostMicros);
        Assert.Null(granted.Reservation.RemainingTokens);
        Assert.Equal(BudgetErrorKind.InvalidArgument, noPrice.Kind);
        var denied = await budget.ReserveAsync("a", 3_000_000, 3_000_001, price: price);
        Assert.Equal(DenialReason.DailyUsdLimit, denied.Denial!.Reason);
        Assert.Equal(37_500_000, denied.Denial.AvailableCostMicros);
        var commit = await budget.CommitAsync(granted.Reservation.ReservationId, 1_000_000, 10);
        Assert.Equal(2_500_100, commit.CommittedCostMicros);
    }

    [Fact]
    public async Task Tier_override_may_lower_but_never_raise_priority()
    {
        await using var budget = await RedisBudget.StartAsync(redis, [TestAgents.Agent("a", Tier.High, 10_000)]);

        var lowered = await budget.ReserveAsync("a", 1, 1, tierOverride: Tier.Low);
        var raised = await Assert.ThrowsAsync<BudgetException>(() => budget.ReserveAsync("a", 1, 1, tierOverride: Tier.Critical));

        Assert.Equal(Tier.Low, lowered.Reservation!.Tier);
        Assert.Equal(BudgetErrorKind.InvalidArgument, raised.Kind);
    }
}
