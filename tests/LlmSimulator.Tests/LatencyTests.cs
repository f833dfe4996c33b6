using Platform.LlmSimulator.Configuration;
using Platform.LlmSimulator.Latency;

namespace Platform.LlmSimulator.Tests;

/// <summary>The delay distributions' values (never how long anything took).</summary>
public sealed class LatencyTests
{
    [Fact]
    public void Fixed_latency_is_always_the_value()
    {
        var delay = DelayDistributionFactory.Create(new LatencyOptions { Ms = 250 }, "test");

        Assert.Equal(TimeSpan.FromMilliseconds(250), delay.Sample(new Random(1), 1));
        Assert.Equal(TimeSpan.FromMilliseconds(125), delay.Sample(new Random(1), 0.5));
        Assert.Equal(TimeSpan.Zero, delay.Sample(new Random(1), 0));
    }

    [Theory]
    [InlineData("uniform")]
    [InlineData("normal")]
    [InlineData("lognormal")]
    public void Random_latencies_stay_within_their_bounds(string distribution)
    {
        var delay = DelayDistributionFactory.Create(new LatencyOptions { Distribution = distribution, MeanMs = 100, StdDevMs = 80, MinMs = 20, MaxMs = 300 }, "test");
        var random = new Random(7);

        for (var i = 0; i < 10_000; i++)
        {
            Assert.InRange(delay.SampleMs(random), 20, 300);
        }
    }

    [Fact]
    public void Lognormal_latency_has_the_requested_mean()
    {
        var delay = DelayDistributionFactory.Create(new LatencyOptions { Distribution = "lognormal", MeanMs = 400, StdDevMs = 100 }, "test");
        var random = new Random(11);
        double sum = 0;
        const int samples = 100_000;

        for (var i = 0; i < samples; i++)
        {
            sum += delay.SampleMs(random);
        }

        Assert.InRange(sum / samples, 390, 410); // seeded, so this is a fixed number, not a flaky bound
    }

    [Theory]
    [InlineData("uniform", null, 10.0, null)]
    [InlineData("normal", null, null, null)]
    [InlineData("weird", 5.0, null, null)]
    [InlineData("fixed", -1.0, null, null)]
    public void Incomplete_latency_settings_are_rejected(string distribution, double? ms, double? minMs, double? meanMs)
    {
        Assert.Throws<ArgumentException>(() =>
            DelayDistributionFactory.Create(new LatencyOptions { Distribution = distribution, Ms = ms, MinMs = minMs, MeanMs = meanMs }, "test"));
    }

    [Fact]
    public async Task Invalid_model_configuration_stops_start_up()
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(async () =>
        {
            await using var sim = await SimulatorServer.StartAsync(new Dictionary<string, string?> { ["Simulator:Models:bad:Latency:Distribution"] = "bogus" });
        });
    }
}
