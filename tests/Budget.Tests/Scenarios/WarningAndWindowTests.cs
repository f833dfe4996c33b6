using Platform.Budget.Accounting;
using Platform.Budget.Domain;
using Platform.Budget.Tests.Infrastructure;
using Platform.Testing.Redis;

namespace Platform.Budget.Tests.Scenarios;

[Collection(RedisServerFixture.Collection)]
public sealed class WarningAndWindowTests(RedisServerFixture redis)
{
    [Fact]
    public async Task Crossing_80_percent_warns_once_per_window_and_100_percent_says_limit_reached()
    {
        await using var budget = await RedisBudget.StartAsync(redis, [TestAgents.Agent("a", Tier.High, 1_000)]);

        await budget.ReserveAsync("a", 390, 400);
        Assert.Empty(await budget.EventsAsync());
        await budget.ReserveAsync("a", 10, 10);
        await budget.ReserveAsync("a", 10, 10);

        var warning = Assert.Single(await budget.EventsAsync());
        Assert.Equal(("1", "hourly_tokens", "80", "81.00", "1000", "810"),
            ((string)warning["e"]!, (string)warning["w"]!, (string)warning["th"]!, (string)warning["ut"]!, (string)warning["l"]!, (string)warning["cs"]!));
        var entry = (await budget.LedgerAsync()).Single(e => (string)e["t"]! == "10");
        Assert.Contains("hourly_tokens at 81.00% of 1000", (string)entry["msg"]!);

        await budget.ReserveAsync("a", 100, 70);
        var events = await budget.EventsAsync();
        Assert.Equal(["1", "2"], events.Select(e => (string)e["e"]!));
    }

    [Fact]
    public async Task The_agents_own_threshold_overrides_the_fleet_default()
    {
        await using var budget = await RedisBudget.StartAsync(redis, [TestAgents.Agent("a", Tier.High, 1_000, warningPercent: 50)]);

        await budget.ReserveAsync("a", 250, 250);

        Assert.Equal("50", (string)Assert.Single(await budget.EventsAsync())["th"]!);
    }

    [Fact]
    public async Task The_hourly_window_resets_by_itself_and_loans_are_repaid_with_it()
    {
        await using var budget = await RedisBudget.StartAsync(redis, TestAgents.ProductFleet());
        var held = await budget.ReserveAsync("order_processing", 30_000, 22_000);
        Assert.Equal(2_000, held.Reservation!.Loans.Single().Tokens);
        await budget.CommitAsync(held.Reservation.ReservationId, 30_000, 22_000);
        var exhausted = await budget.ReserveAsync("order_processing", 20_000, 20_000);
        Assert.Equal(DenialReason.HourlyTokenLimit, exhausted.Denial!.Reason);
        Assert.True(exhausted.Denial.RetryAfter <= TimeSpan.FromHours(1));

        var (_, dayBefore) = await budget.WindowsAsync();
        await budget.AdvanceClockAsync(TimeSpan.FromHours(1));

        var fresh = await budget.ReserveAsync("order_processing", 20_000, 20_000);
        Assert.True(fresh.Granted);
        Assert.Empty(fresh.Reservation!.Loans);
        Assert.Equal(0, await budget.HourCounterAsync("logger", "l"));
        Assert.Equal(40_000, await budget.HourCounterAsync("order_processing", "tr"));
        // The day window keeps counting across hours (unless this hour was the day's last).
        if ((await budget.WindowsAsync()).Day == dayBefore)
        {
            Assert.Equal(52_000, await budget.DayCounterAsync("order_processing", "tu"));
        }
    }

    [Fact]
    public async Task The_daily_usd_window_resets_at_utc_midnight()
    {
        await using var budget = await RedisBudget.StartAsync(redis, [TestAgents.Agent("a", Tier.High, dailyUsdMicros: 1_000_000)]);
        var price = new ModelPrice(1_000_000, 1_000_000);
        var held = await budget.ReserveAsync("a", 500_000, 500_000, price: price);
        await budget.CommitAsync(held.Reservation!.ReservationId, 500_000, 500_000);
        Assert.Equal(DenialReason.DailyUsdLimit, (await budget.ReserveAsync("a", 1, 1, price: price)).Denial!.Reason);

        var (_, day) = await budget.WindowsAsync();
        var untilMidnight = BudgetWindows.DayStart(day + 1) - DateTimeOffset.FromUnixTimeMilliseconds(
            (long)await budget.Redis.ScriptEvaluateAsync(BudgetScripts.Clock, [budget.Keys.Config]));
        await budget.AdvanceClockAsync(untilMidnight + TimeSpan.FromSeconds(1));

        Assert.True((await budget.ReserveAsync("a", 1, 1, price: price)).Granted);
    }
}
