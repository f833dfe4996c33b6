using Platform.Routing.Resilience;

namespace Platform.Routing.Tests.Limits;

public sealed class RetryBudgetTests
{
    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public void Retries_are_capped_at_the_ratio_of_requests_plus_the_floor()
    {
        var clock = new ManualClock();
        var budget = new RetryBudget(new RetryOptions { BudgetRatio = 0.2, BudgetMinPerSecond = 1, BudgetWindow = TimeSpan.FromSeconds(10) }, clock);
        for (var i = 0; i < 100; i++)
            budget.RecordRequest();

        var granted = Enumerable.Range(0, 100).Count(_ => budget.TryRetry());

        Assert.Equal(30, granted); // 0.2 x 100 + 1/s x 10 s
        Assert.Equal(70, budget.Exhausted);
    }

    [Fact]
    public void The_window_slides_so_an_old_outage_does_not_starve_new_retries()
    {
        var clock = new ManualClock();
        var budget = new RetryBudget(new RetryOptions { BudgetRatio = 0.1, BudgetMinPerSecond = 0, BudgetWindow = TimeSpan.FromSeconds(10) }, clock);
        for (var i = 0; i < 50; i++)
            budget.RecordRequest();
        Assert.Equal(5, Enumerable.Range(0, 20).Count(_ => budget.TryRetry()));

        clock.Now += TimeSpan.FromSeconds(11);
        Assert.False(budget.TryRetry());
        for (var i = 0; i < 50; i++)
            budget.RecordRequest();
        Assert.Equal(5, Enumerable.Range(0, 20).Count(_ => budget.TryRetry()));
    }
}
