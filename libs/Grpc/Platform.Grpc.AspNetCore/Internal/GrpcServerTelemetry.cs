using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Grpc.AspNetCore.Server.Internal;

/// <summary>
/// The server's ActivitySource and Meter, both named "Platform.Grpc.Server". Instrument and attribute names follow
/// the OpenTelemetry RPC semantic conventions (rpc.system, rpc.service, rpc.method, rpc.grpc.status_code).
/// </summary>
internal static class GrpcServerTelemetry
{
    public const string Name = "Platform.Grpc.Server";

    public static readonly ActivitySource ActivitySource = new(Name);

    public static readonly Meter Meter = new(Name);

    public static readonly Counter<long> CallsStarted = Meter.CreateCounter<long>(
        "rpc.server.calls.started", "{call}", "gRPC calls the server has started.");

    public static readonly Counter<long> CallsCompleted = Meter.CreateCounter<long>(
        "rpc.server.calls.completed", "{call}", "gRPC calls the server has completed, by grpc status code.");

    public static readonly Histogram<double> CallDuration = Meter.CreateHistogram(
        "rpc.server.call.duration",
        "s",
        "Duration of gRPC calls handled by the server.",
        tags: null,
        advice: new InstrumentAdvice<double>
        {
            HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
        });
}
