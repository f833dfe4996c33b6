using System.Text.Json.Nodes;
using Platform.LlmSimulator.Stats;
using static Platform.LlmSimulator.Tests.SimulatorServer;

namespace Platform.LlmSimulator.Tests;

public sealed class StatsTests
{
    [Fact]
    public async Task Received_requests_are_counted_per_minute_and_per_rolling_minute()
    {
        await using var sim = await StartAsync();
        for (var i = 0; i < 7; i++)
        {
            await sim.CompleteAsync(new { model = "rpm", messages = new[] { UserMessage("hi") } });
        }

        var stats = await sim.ModelStatsAsync("rpm");

        Assert.Equal(7, (long)stats["requests"]!);
        Assert.Equal(7, ChatResponse.Outcome(stats, "ok"));
        var perMinute = stats["per_minute"]!.AsArray();
        Assert.InRange(perMinute.Count, 1, 2); // the requests may straddle a minute boundary
        Assert.Equal(7, perMinute.Sum(m => (long)m!["requests"]!));
        Assert.All(perMinute, m => Assert.Equal(0, DateTimeOffset.Parse((string)m!["minute"]!, System.Globalization.CultureInfo.InvariantCulture).Second));
        Assert.Equal(7, (long)stats["peak_requests_in_any_60s"]!);
        Assert.True((long)stats["prompt_tokens"]! > 0);
        Assert.True((long)stats["completion_tokens"]! > 0);
        Assert.Equal((long)stats["prompt_tokens"]! + (long)stats["completion_tokens"]!, perMinute.Sum(m => (long)m!["tokens"]!));
        Assert.Equal(0, ChatResponse.Outcome(stats, "failed"));
    }

    [Fact]
    public async Task Stats_reset_zeroes_the_counters()
    {
        await using var sim = await StartAsync();
        await sim.CompleteAsync(new { model = "r", messages = new[] { UserMessage("hi") } });

        await sim.Client.PostAsync("/control/stats/reset", null);
        var stats = await sim.ModelStatsAsync("r");

        Assert.Equal(0, (long)stats["requests"]!);
        Assert.Empty(stats["per_minute"]!.AsArray());
    }

    [Fact]
    public async Task In_flight_counts_requests_still_being_served()
    {
        await using var sim = await StartAsync();
        await sim.FailNextAsync("slow", new { count = 2, fault = "hang", hang_seconds = 300 });
        using var cancel = new CancellationTokenSource();
        var hanging = Enumerable.Range(0, 2)
            .Select(_ => sim.Client.PostAsync("/v1/chat/completions", new StringContent(System.Text.Json.JsonSerializer.Serialize(new { model = "slow", messages = new[] { UserMessage("hi") } })), cancel.Token))
            .ToList();

        var during = await sim.WaitForStatsAsync("slow", s => (long)s["in_flight"]! == 2);
        await cancel.CancelAsync();
        await Task.WhenAll(hanging.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
        var after = await sim.WaitForStatsAsync("slow", s => (long)s["in_flight"]! == 0 && ChatResponse.Outcome(s, "cancelled") == 2);

        Assert.Equal(2, (long)during["in_flight"]!);
        Assert.Equal(2, (long)after["max_in_flight"]!);
        Assert.Equal(0, (long)after["in_flight"]!);
        Assert.Equal(2, ChatResponse.Outcome(after, "cancelled"));
    }

    [Fact]
    public void Histogram_buckets_by_wall_clock_minute_and_finds_the_rolling_peak()
    {
        var histogram = new RequestRateHistogram();
        var minute = new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 3; i++)
        {
            histogram.Record(minute.AddSeconds(30));
        }
        for (var i = 0; i < 2; i++)
        {
            histogram.Record(minute.AddSeconds(70));
        }
        histogram.Record(minute.AddSeconds(200));
        histogram.RecordTokens(minute.AddSeconds(201), 40);
        histogram.RecordTokens(minute.AddSeconds(230), 2);

        var now = minute.AddSeconds(215);
        var perMinute = histogram.PerMinute(now);

        Assert.Equal([new MinuteCount(minute, 3), new MinuteCount(minute.AddMinutes(1), 2), new MinuteCount(minute.AddMinutes(3), 1, 42)], perMinute);
        Assert.Equal(5, histogram.PeakInAnySixtySeconds(now));   // 12:00:30 and 12:01:10 are 40 s apart
        Assert.Equal(1, histogram.InLastSixtySeconds(now));
    }

    [Fact]
    public void Histogram_forgets_minutes_older_than_an_hour()
    {
        var histogram = new RequestRateHistogram();
        var start = new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
        histogram.Record(start);
        histogram.Record(start.AddMinutes(60)); // same ring slot, one hour later

        var perMinute = histogram.PerMinute(start.AddMinutes(60));

        Assert.Equal([new MinuteCount(start.AddMinutes(60), 1)], perMinute);
    }
}
