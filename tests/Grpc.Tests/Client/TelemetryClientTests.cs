using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Tests.Echo;
using Grpc.Tests.Hosting;
using Xunit;
using EchoClient = Grpc.Tests.Echo.Echo.EchoClient;

namespace Grpc.Tests.Client;

/// <summary>The client's span, W3C trace propagation and metrics. Other tests run in parallel, so everything is filtered to this test's trace.</summary>
public sealed class TelemetryClientTests(EchoHostFixture fixture) : IClassFixture<EchoHostFixture>
{
    private static DateTime Deadline => DateTime.UtcNow.AddSeconds(30);

    [Fact]
    public async Task Each_call_gets_a_client_span_whose_context_reaches_the_server_as_traceparent()
    {
        var spans = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Platform.Grpc.Client" or "test.parent",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);
        using var parentSource = new ActivitySource("test.parent");
        using var channel = GrpcChannel.ForAddress(fixture.Host.Address);
        var client = new EchoClient(channel);

        EchoReply reply;
        ActivityTraceId traceId;
        using (var parent = parentSource.StartActivity("parent")!)
        {
            traceId = parent.TraceId;
            reply = await client.UnaryAsync(new EchoRequest(), deadline: Deadline);
            Assert.Same(parent, Activity.Current);
        }

        var span = Assert.Single(spans, s => s.TraceId == traceId && s.Source.Name == "Platform.Grpc.Client");
        Assert.Equal("test.echo.v1.Echo/Unary", span.DisplayName);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal(0, span.GetTagItem("rpc.grpc.status_code"));
        Assert.Equal($"00-{traceId}-{span.SpanId}-01", reply.RequestHeaders["traceparent"]);
    }

    [Fact]
    public async Task Failed_calls_mark_the_span_as_error()
    {
        var spans = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Platform.Grpc.Client" or "test.parent.error",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);
        using var parentSource = new ActivitySource("test.parent.error");
        using var channel = GrpcChannel.ForAddress(fixture.Host.Address);
        var client = new EchoClient(channel);

        ActivityTraceId traceId;
        using (var parent = parentSource.StartActivity("parent")!)
        {
            traceId = parent.TraceId;
            await Assert.ThrowsAsync<RpcException>(async () => await client.UnaryAsync(
                new EchoRequest { FailWithStatus = (int)StatusCode.NotFound, FailDetail = "gone" }, deadline: Deadline));
        }

        var span = Assert.Single(spans, s => s.TraceId == traceId && s.Source.Name == "Platform.Grpc.Client");
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal((int)StatusCode.NotFound, span.GetTagItem("rpc.grpc.status_code"));
    }

    [Fact]
    public async Task Completed_calls_are_counted_and_timed_by_method_and_status()
    {
        var calls = new ConcurrentBag<(long Value, string? Method, object? Status)>();
        var durations = new ConcurrentBag<double>();
        using var meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "Platform.Grpc.Client")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meterListener.SetMeasurementEventCallback<long>((_, value, tags, _) => calls.Add((value, Tag(tags, "rpc.method") as string, Tag(tags, "rpc.grpc.status_code"))));
        meterListener.SetMeasurementEventCallback<double>((_, value, _, _) => durations.Add(value));
        meterListener.Start();
        using var channel = GrpcChannel.ForAddress(fixture.Host.Address);
        var client = new EchoClient(channel);

        await client.UnaryAsync(new EchoRequest(), deadline: Deadline);
        await Assert.ThrowsAsync<RpcException>(async () => await client.UnaryAsync(
            new EchoRequest { FailWithStatus = (int)StatusCode.Aborted }, deadline: Deadline));

        Assert.Contains(calls, c => c is { Value: 1, Method: "test.echo.v1.Echo/Unary", Status: 0 });
        Assert.Contains(calls, c => c is { Value: 1, Method: "test.echo.v1.Echo/Unary" } && Equals(c.Status, (int)StatusCode.Aborted));
        Assert.NotEmpty(durations);
        Assert.All(durations, seconds => Assert.True(seconds >= 0));
    }

    private static object? Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string name)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == name)
            {
                return tag.Value;
            }
        }

        return null;
    }
}
