using Platform.Redis;
using Platform.Routing.Health;
using Platform.Routing.Limits;
using Platform.Routing.Vocabulary;
using Platform.Testing.Redis;

namespace Platform.Routing.Tests.Limits;

/// <summary>The Lua scripts behind shared limits and breakers, run against a real redis-server (short windows, so tests stay quick).</summary>
public sealed class SharedLimitsScriptTests : IClassFixture<RedisServerFixture>, IAsyncLifetime
{
    private readonly RedisServerFixture _redis;
    private RedisConnection _connection = null!;

    public SharedLimitsScriptTests(RedisServerFixture redis) => _redis = redis;

    public async Task InitializeAsync() => _connection = await RedisConnection.ConnectAsync(_redis.ConnectionString);

    public async Task DisposeAsync() => await _connection.DisposeAsync();

    private SharedLimits Limits(TimeSpan? window = null, BreakerOptions? breaker = null) => new(
        _connection.GetDatabase(),
        new LimitOptions { KeyPrefix = RedisServerFixture.NewKeyPrefix().TrimEnd(':'), Window = window ?? TimeSpan.FromMinutes(1), Buckets = 10, LeaseMargin = TimeSpan.Zero },
        breaker ?? new BreakerOptions(),
        new HealthOptions());

    private static ValueTask<Admission> Admit(SharedLimits limits, string model = "m", int maxConcurrency = 0, int rpm = 0, long tpm = 0, long tokens = 10, int timeoutMs = 30_000) =>
        limits.AdmitAsync(model, maxConcurrency, rpm, tpm, tokens, TimeSpan.FromMilliseconds(timeoutMs), CancellationToken.None);

    [Fact]
    public async Task Rpm_admits_exactly_the_limit_and_says_when_to_come_back()
    {
        var limits = Limits();
        var admissions = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Admit(limits, rpm: 20).AsTask()));

        Assert.Equal(20, admissions.Count(a => a.Admitted));
        var refused = admissions.Where(a => !a.Admitted).ToList();
        Assert.All(refused, a => Assert.Equal(AdmissionCode.RpmLimit, a.Code));
        Assert.All(refused, a => Assert.True(a.RetryAfter > TimeSpan.Zero));
    }

    [Fact]
    public async Task The_rpm_window_slides_and_no_window_ever_holds_more_than_the_limit()
    {
        var window = TimeSpan.FromSeconds(2);
        var limits = Limits(window);
        var admittedAt = new List<DateTime>();
        var end = DateTime.UtcNow.AddSeconds(5);
        while (DateTime.UtcNow < end)
        {
            if ((await Admit(limits, rpm: 10)).Admitted)
                admittedAt.Add(DateTime.UtcNow);
            await Task.Delay(20);
        }

        // More than one window's worth got through over 5 s (the window slid) ...
        Assert.True(admittedAt.Count > 10, $"only {admittedAt.Count} admitted in 5 s");
        // ... yet no 2-second span holds more than 10 (one bucket of slack covers clock reading differences).
        foreach (var start in admittedAt)
            Assert.True(admittedAt.Count(t => t >= start && t < start + window - TimeSpan.FromMilliseconds(250)) <= 10);
    }

    [Fact]
    public async Task Tpm_counts_the_estimate_then_corrects_it_by_the_actual_tokens()
    {
        var limits = Limits();
        var first = await Admit(limits, tpm: 1_000, tokens: 600);
        Assert.True(first.Admitted);
        Assert.Equal(AdmissionCode.TpmLimit, (await Admit(limits, tpm: 1_000, tokens: 600)).Code);

        // The call used 100 tokens, not 600: 500 come back to the window.
        await limits.CompleteAsync("m", first, AttemptOutcomeKind.Success, 100, TimeSpan.FromMilliseconds(5), null, "", CancellationToken.None);
        Assert.True((await Admit(limits, tpm: 1_000, tokens: 600)).Admitted);
        Assert.Equal(700, (await limits.ReadHealthAsync("m", CancellationToken.None)).TpmUsed);
    }

    [Fact]
    public async Task Concurrency_is_capped_across_callers_and_a_lost_lease_comes_back_after_its_ttl()
    {
        var limits = Limits();
        var held = new List<Admission>();
        for (var i = 0; i < 3; i++)
            held.Add(await Admit(limits, maxConcurrency: 3, timeoutMs: 300));
        Assert.All(held, a => Assert.True(a.Admitted));
        Assert.Equal(AdmissionCode.ConcurrencyFull, (await Admit(limits, maxConcurrency: 3)).Code);

        // One returns normally; another's replica "crashed" and never returns its lease.
        await limits.CompleteAsync("m", held[0], AttemptOutcomeKind.Success, 10, TimeSpan.Zero, null, "", CancellationToken.None);
        Assert.True((await Admit(limits, maxConcurrency: 3, timeoutMs: 60_000)).Admitted);
        Assert.Equal(AdmissionCode.ConcurrencyFull, (await Admit(limits, maxConcurrency: 3)).Code);

        // The two short leases (300 ms) of the "crashed" replica expire: their slots come back.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await limits.ReadHealthAsync("m", CancellationToken.None)).InFlight > 1)
        {
            Assert.True(DateTime.UtcNow < deadline, "expired leases never freed their slots");
            await Task.Delay(50);
        }
        Assert.True((await Admit(limits, maxConcurrency: 3, timeoutMs: 60_000)).Admitted);
        Assert.True((await Admit(limits, maxConcurrency: 3, timeoutMs: 60_000)).Admitted);
        Assert.Equal(AdmissionCode.ConcurrencyFull, (await Admit(limits, maxConcurrency: 3)).Code);
    }

    [Fact]
    public async Task Consecutive_failures_open_the_breaker_which_refuses_until_the_cooldown_then_admits_one_probe()
    {
        var limits = Limits(breaker: new BreakerOptions { ConsecutiveFailures = 3, MinimumRequests = 1000, Cooldown = TimeSpan.FromMilliseconds(500) });
        BreakerState state = BreakerState.Closed;
        for (var i = 0; i < 3; i++)
            state = await limits.CompleteAsync("m", await Admit(limits), AttemptOutcomeKind.Failure, 0, TimeSpan.Zero, null, "HTTP 503", CancellationToken.None);
        Assert.Equal(BreakerState.Open, state);

        var refused = await Admit(limits);
        Assert.Equal(AdmissionCode.BreakerOpen, refused.Code);
        Assert.InRange(refused.RetryAfter, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(500));

        await Task.Delay(600);
        var probes = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Admit(limits).AsTask()));
        var probe = Assert.Single(probes, a => a.Admitted);
        Assert.True(probe.IsProbe);
        Assert.Equal(BreakerState.HalfOpen, (await limits.ReadHealthAsync("m", CancellationToken.None)).Breaker);

        // The probe fails: open again. After the next cooldown a probe succeeds: closed, and traffic flows.
        Assert.Equal(BreakerState.Open, await limits.CompleteAsync("m", probe, AttemptOutcomeKind.Failure, 0, TimeSpan.Zero, null, "HTTP 500", CancellationToken.None));
        Assert.Equal(AdmissionCode.BreakerOpen, (await Admit(limits)).Code);
        await Task.Delay(600);
        var second = await Admit(limits);
        Assert.True(second.IsProbe);
        Assert.Equal(BreakerState.Closed, await limits.CompleteAsync("m", second, AttemptOutcomeKind.Success, 10, TimeSpan.FromMilliseconds(3), null, "", CancellationToken.None));
        Assert.All(await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Admit(limits).AsTask())), a => Assert.True(a.Admitted && !a.IsProbe));
    }

    [Fact]
    public async Task A_cancelled_probe_lets_another_caller_probe_at_once()
    {
        var limits = Limits(breaker: new BreakerOptions { ConsecutiveFailures = 1, Cooldown = TimeSpan.FromMilliseconds(100) });
        await limits.CompleteAsync("m", await Admit(limits), AttemptOutcomeKind.Failure, 0, TimeSpan.Zero, null, "x", CancellationToken.None);
        await Task.Delay(200);
        var probe = await Admit(limits);
        Assert.True(probe.IsProbe);
        Assert.Equal(AdmissionCode.BreakerOpen, (await Admit(limits)).Code);

        await limits.CompleteAsync("m", probe, AttemptOutcomeKind.Neutral, 0, TimeSpan.Zero, null, "", CancellationToken.None);
        Assert.True((await Admit(limits)).IsProbe);
    }

    [Fact]
    public async Task A_failure_rate_over_the_window_opens_the_breaker_once_enough_requests_were_seen()
    {
        var limits = Limits(breaker: new BreakerOptions { ConsecutiveFailures = 100, MinimumRequests = 10, FailureRatePercent = 50, Window = TimeSpan.FromSeconds(30) });
        var state = BreakerState.Closed;
        // Alternate: never 2 failures in a row, but half of all attempts fail.
        for (var i = 0; i < 9; i++)
        {
            state = await limits.CompleteAsync("m", await Admit(limits), i % 2 == 0 ? AttemptOutcomeKind.Failure : AttemptOutcomeKind.Success, 1, TimeSpan.Zero, null, "", CancellationToken.None);
            Assert.Equal(BreakerState.Closed, state);
        }
        state = await limits.CompleteAsync("m", await Admit(limits), AttemptOutcomeKind.Failure, 0, TimeSpan.Zero, null, "", CancellationToken.None);
        Assert.Equal(BreakerState.Open, state);
    }

    [Fact]
    public async Task Health_merges_every_callers_statistics()
    {
        var limits = Limits();
        foreach (var ms in new[] { 10, 20, 30, 40, 1000 })
            await limits.CompleteAsync("m", await Admit(limits), AttemptOutcomeKind.Success, 10, TimeSpan.FromMilliseconds(ms), TimeSpan.FromMilliseconds(ms / 2), "", CancellationToken.None);
        await limits.CompleteAsync("m", await Admit(limits), AttemptOutcomeKind.Failure, 0, TimeSpan.FromMilliseconds(5), null, "HTTP 502", CancellationToken.None);

        var health = await limits.ReadHealthAsync("m", CancellationToken.None);

        Assert.Equal(6, health.RequestCount);
        Assert.InRange(health.ErrorRatePercent, 16.6, 16.7);
        Assert.InRange(health.P50LatencyMs, 20, 40);
        Assert.InRange(health.P95LatencyMs, 800, 1250);
        Assert.True(health.P50TimeToFirstTokenMs > 0);
        Assert.Equal("HTTP 502", health.LastError);
        Assert.Equal(6, health.RpmUsed);
        Assert.Equal(0, health.InFlight);
    }
}
