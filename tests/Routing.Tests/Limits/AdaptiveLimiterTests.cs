using Platform.Routing.Concurrency;

namespace Platform.Routing.Tests.Limits;

public sealed class AdaptiveLimiterTests
{
    private static readonly AdaptiveConcurrencyOptions Options = new() { InitialLimit = 20, MinLimit = 1, MaxLimit = 200 };

    /// <summary>Keeps the limiter saturated and feeds it one latency per completion.</summary>
    private static void Drive(AdaptiveLimiter limiter, int samples, Func<int, TimeSpan> latencyAtLimit, LimiterSignal signal = LimiterSignal.Sample)
    {
        for (var i = 0; i < samples; i++)
        {
            while (limiter.TryAcquire())
            {
            }
            limiter.Release(latencyAtLimit(limiter.Limit), signal);
        }
        while (limiter.InFlight > 0)
            limiter.Release(TimeSpan.Zero, LimiterSignal.Ignore);
    }

    [Fact]
    public void The_limit_grows_while_latency_stays_at_its_baseline_up_to_the_maximum()
    {
        var limiter = new AdaptiveLimiter(Options, maxLimit: 120);
        Drive(limiter, 2_000, _ => TimeSpan.FromMilliseconds(100));
        Assert.Equal(120, limiter.Limit);
    }

    [Fact]
    public void The_limit_settles_where_latency_starts_to_climb()
    {
        // A provider that queues beyond 30 concurrent calls: latency grows with the excess.
        var limiter = new AdaptiveLimiter(Options, maxLimit: 200);
        Drive(limiter, 5_000, limit => TimeSpan.FromMilliseconds(limit <= 30 ? 100 : 100 + 50 * (limit - 30)));
        Assert.InRange(limiter.Limit, 20, 60);
    }

    [Fact]
    public void Rate_limits_and_timeouts_cut_the_limit_but_never_below_the_minimum()
    {
        var limiter = new AdaptiveLimiter(Options, maxLimit: 200);
        Drive(limiter, 100, _ => TimeSpan.FromMilliseconds(100), LimiterSignal.Overload);
        Assert.Equal(1, limiter.Limit);
        Assert.True(limiter.TryAcquire());
        Assert.False(limiter.TryAcquire());
    }
}
