using System.Diagnostics;
using System.Diagnostics.Metrics;
using Platform.Testing.Redis;

namespace Platform.Redis.Tests.Integration;

public sealed class TelemetryTests(RedisServerFixture redis) : SharedServerTest(redis)
{
    [Fact]
    public async Task Each_command_produces_a_client_span_and_metrics()
    {
        var key = Key("traced");
        var spans = new List<Activity>();
        using var activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == RedisInstrumentation.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (spans)
                {
                    spans.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(activities);

        var measurements = new List<(string Instrument, object? Operation)>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == RedisInstrumentation.MeterName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
        {
            object? operation = null;
            foreach (var tag in tags)
            {
                operation = tag.Key == "db.operation.name" ? tag.Value : operation;
            }

            lock (measurements)
            {
                measurements.Add((instrument.Name, operation));
            }
        }

        meters.SetMeasurementEventCallback<long>(Record);
        meters.SetMeasurementEventCallback<double>(Record);
        meters.Start();

        using var parent = new Activity("caller").Start();
        await Db.StringSetAsync(key, "v");
        Assert.Same(parent, Activity.Current); // the command's span never leaks into the caller's context
        await Assert.ThrowsAsync<RedisServerException>(async () => await Db.HashGetAsync(key, "f"));

        var set = Assert.Single(spans, s => s.OperationName == "SET" && s.ParentId == parent.Id);
        Assert.Equal(ActivityKind.Client, set.Kind);
        Assert.Equal("redis", set.GetTagItem("db.system"));
        Assert.Equal("SET", set.GetTagItem("db.operation"));
        var failed = Assert.Single(spans, s => s.OperationName == "HGET" && s.ParentId == parent.Id);
        Assert.Equal(ActivityStatusCode.Error, failed.Status);
        Assert.Equal("WRONGTYPE", failed.GetTagItem("error.type"));

        lock (measurements)
        {
            Assert.Contains(("redis.client.commands", "SET"), measurements);
            Assert.Contains(("redis.client.command.duration", "SET"), measurements);
            Assert.Contains(("redis.client.errors", "HGET"), measurements);
        }
    }
}
