using Platform.Budget.Accounting;
using Platform.Budget.Domain;
using Platform.Budget.Tests.Infrastructure;
using Platform.Testing.Redis;

namespace Platform.Budget.Tests.Scenarios;

/// <summary>PRODUCT.md's tier rules on its example fleet (tokens per hour).</summary>
[Collection(RedisServerFixture.Collection)]
public sealed class TierRuleTests(RedisServerFixture redis)
{
    [Fact]
    public async Task Order_processing_borrows_from_logger_when_its_own_budget_is_short()
    {
        await using var budget = await RedisBudget.StartAsync(redis, TestAgents.ProductFleet());
        await UseAsync(budget, "order_processing", 49_000);

        var granted = await budget.ReserveAsync("order_processing", 2_000, 1_000);

        var loan = Assert.Single(granted.Reservation!.Loans);
        Assert.Equal(new Loan("logger", Tier.Low, 2_000, 0), loan);
        Assert.Equal(2_000, await budget.HourCounterAsync("logger", "l"));
        Assert.Equal(2_000, await budget.HourCounterAsync("order_processing", "b"));
        var borrow = (await budget.LedgerAsync()).Single(e => (string)e["t"]! == "6");
        Assert.Equal(("order_processing", "logger", "2000"), ((string)borrow["a"]!, (string)borrow["o"]!, (string)borrow["k"]!));
        Assert.Contains(await budget.EventsAsync(), e => (string)e["e"]! == "5" && (string)e["ln"]! == "logger:4:2000:0");
    }

    [Fact]
    public async Task Low_is_denied_while_critical_is_served()
    {
        await using var budget = await RedisBudget.StartAsync(redis, TestAgents.ProductFleet());
        await UseAsync(budget, "order_processing", 50_000);
        var critical = await budget.ReserveAsync("order_processing", 3_000, 1_500);
        Assert.Equal(4_500, critical.Reservation!.Loans.Single(l => l.LenderAgentId == "logger").Tokens);

        var low = await budget.ReserveAsync("logger", 800, 200);

        Assert.False(low.Granted);
        Assert.Equal(DenialReason.NoSpareBudget, low.Denial!.Reason);
        Assert.Equal(500, low.Denial.AvailableTokens);
        // CRITICAL keeps being served, now from MEDIUM's spare.
        var more = await budget.ReserveAsync("order_processing", 1_000, 500);
        Assert.Equal([new Loan("logger", Tier.Low, 500, 0), new Loan("analytics", Tier.Medium, 1_000, 0)], more.Reservation!.Loans);
    }

    [Fact]
    public async Task Medium_budget_is_taken_by_high_and_medium_is_then_denied()
    {
        await using var budget = await RedisBudget.StartAsync(redis, TestAgents.ProductFleet());
        await UseAsync(budget, "customer_support", 40_000);

        var high = await budget.ReserveAsync("customer_support", 12_000, 6_000);

        Assert.Equal([new Loan("logger", Tier.Low, 5_000, 0), new Loan("analytics", Tier.Medium, 13_000, 0)], high.Reservation!.Loans);
        var medium = await budget.ReserveAsync("analytics", 2_000, 1_000);
        Assert.Equal(DenialReason.HourlyTokenLimit, medium.Denial!.Reason);
        Assert.Equal(2_000, medium.Denial.AvailableTokens);
    }

    [Fact]
    public async Task Critical_budget_is_never_lent_and_low_never_borrows()
    {
        await using var budget = await RedisBudget.StartAsync(redis, TestAgents.ProductFleet());
        await UseAsync(budget, "product_search", 25_000);
        await UseAsync(budget, "analytics", 15_000);
        await UseAsync(budget, "logger", 5_000);

        var high = await budget.ReserveAsync("product_search", 100, 100);
        var low = await budget.ReserveAsync("logger", 10, 10);

        // payment_verification (CRITICAL) has 30,000 unused, but nobody may borrow it.
        Assert.Equal(DenialReason.HourlyTokenLimit, high.Denial!.Reason);
        Assert.Equal(0, await budget.HourCounterAsync("payment_verification", "l"));
        Assert.Equal(DenialReason.NoSpareBudget, low.Denial!.Reason);
    }

    [Fact]
    public async Task An_agent_in_overage_borrows_nothing_more_until_the_window_resets()
    {
        await using var budget = await RedisBudget.StartAsync(redis, TestAgents.ProductFleet());
        var held = await budget.ReserveAsync("payment_verification", 10_000, 10_000);
        await budget.CommitAsync(held.Reservation!.ReservationId, 10_000, 25_000);

        var denied = await budget.ReserveAsync("payment_verification", 10, 10);

        Assert.Equal(DenialReason.HourlyTokenLimit, denied.Denial!.Reason);
        Assert.Equal(0, await budget.HourCounterAsync("logger", "l"));
    }

    /// <summary>Commits <paramref name="tokens"/> of the agent's own budget.</summary>
    private static async Task UseAsync(RedisBudget budget, string agent, long tokens)
    {
        var held = await budget.ReserveAsync(agent, tokens / 2, tokens - (tokens / 2));
        Assert.True(held.Granted, held.Denial?.Message);
        Assert.Empty(held.Reservation!.Loans);
        await budget.CommitAsync(held.Reservation.ReservationId, tokens / 2, tokens - (tokens / 2));
    }
}
