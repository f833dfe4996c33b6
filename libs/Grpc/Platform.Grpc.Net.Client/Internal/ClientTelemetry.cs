using System.Diagnostics;
using System.Diagnostics.Metrics;
using Grpc.Core;

namespace Grpc.Net.Client.Internal;

/// <summary>
/// The client's span and metrics. Both cost next to nothing when no listener is attached: StartActivity returns
/// null and the instruments report Enabled = false.
/// </summary>
internal static class ClientTelemetry
{
    public const string Name = "Platform.Grpc.Client";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Calls = Meter.CreateCounter<long>(
        "grpc.client.calls", "{call}", "gRPC client calls completed, by method and status code.");

    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "grpc.client.call.duration", "s", "Time from starting a gRPC client call to its final status.");

    public static Activity? StartCall(MethodRoute route)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var activity = Source.StartActivity(route.SpanName, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("rpc.system", "grpc");
            activity.SetTag("rpc.method", route.SpanName);
            activity.SetTag("server.address", route.ServerAddress);
            activity.SetTag("server.port", route.ServerPort);
        }

        return activity;
    }

    public static void EndCall(MethodRoute route, Activity? activity, Status status, long startTimestamp)
    {
        if (activity is not null)
        {
            activity.SetTag("rpc.grpc.status_code", (int)status.StatusCode);
            if (status.StatusCode != StatusCode.OK)
            {
                activity.SetStatus(ActivityStatusCode.Error, status.Detail);
            }

            activity.Dispose();
        }

        if (Calls.Enabled || Duration.Enabled)
        {
            var tags = new TagList
            {
                { "rpc.method", route.SpanName },
                { "rpc.grpc.status_code", (int)status.StatusCode },
            };
            Calls.Add(1, tags);
            Duration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds, tags);
        }
    }
}
