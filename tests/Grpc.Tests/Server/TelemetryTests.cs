using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Grpc.Core;
using Grpc.Tests.Echo;
using Grpc.Tests.Hosting;
using Xunit;

namespace Grpc.Tests.Server;

public sealed class TelemetryTests(EchoHostFixture fixture) : IClassFixture<EchoHostFixture>
{
    private const string SourceName = "Platform.Grpc.Server";

    [Fact]
    public async Task Each_call_is_a_server_span_continuing_the_callers_w3c_trace()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var traceId = ActivityTraceId.CreateRandom();
        var parentSpanId = ActivitySpanId.CreateRandom();
        using var client = fixture.Host.CreateHttpClient();

        var response = await RawGrpc.UnaryAsync(
            client,
            "/test.echo.v1.Echo/Unary",
            new EchoRequest { FailWithStatus = (int)StatusCode.Internal, FailDetail = "traced" },
            ("traceparent", $"00-{traceId}-{parentSpanId}-01"));

        Assert.Equal(StatusCode.Internal, response.GrpcStatus);
        var span = Assert.Single(stopped, activity => activity.TraceId == traceId);
        Assert.Equal(ActivityKind.Server, span.Kind);
        Assert.Equal("test.echo.v1.Echo/Unary", span.DisplayName);
        Assert.True(span.ParentSpanId == parentSpanId || span.Parent?.ParentSpanId == parentSpanId);
        Assert.Equal("grpc", span.GetTagItem("rpc.system"));
        Assert.Equal("test.echo.v1.Echo", span.GetTagItem("rpc.service"));
        Assert.Equal("Unary", span.GetTagItem("rpc.method"));
        Assert.Equal(13, span.GetTagItem("rpc.grpc.status_code"));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
    }

    [Fact]
    public async Task Calls_are_counted_by_status_and_timed_in_seconds()
    {
        var completed = new ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, meterListener) =>
            {
                if (instrument.Meter.Name == SourceName)
                {
                    meterListener.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            completed.Enqueue((instrument.Name, value, ToDictionary(tags))));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
            completed.Enqueue((instrument.Name, value, ToDictionary(tags))));
        listener.Start();
        using var client = fixture.Host.CreateHttpClient();

        var response = await RawGrpc.UnaryAsync(
            client, "/test.echo.v1.Echo/Unary", new EchoRequest { FailWithStatus = (int)StatusCode.DataLoss, FailDetail = "metered" });

        Assert.Equal(StatusCode.DataLoss, response.GrpcStatus);
        Assert.Contains(completed, m => m.Instrument == "rpc.server.calls.started" && Equals(m.Tags["rpc.method"], "Unary"));
        Assert.Contains(completed, m => m.Instrument == "rpc.server.calls.completed" && Equals(m.Tags["rpc.grpc.status_code"], 15));
        Assert.Contains(completed, m => m.Instrument == "rpc.server.call.duration" && Equals(m.Tags["rpc.grpc.status_code"], 15) && m.Value >= 0);
    }

    private static Dictionary<string, object?> ToDictionary(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var dictionary = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            dictionary[tag.Key] = tag.Value;
        }

        return dictionary;
    }
}
