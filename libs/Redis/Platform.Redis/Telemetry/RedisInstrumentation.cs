using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Platform.Redis;

/// <summary>
/// The client's OpenTelemetry sources. Register them with <c>AddSource(RedisInstrumentation.ActivitySourceName)</c>
/// and <c>AddMeter(RedisInstrumentation.MeterName)</c>. Nothing is recorded unless someone listens.
/// </summary>
public static class RedisInstrumentation
{
    public const string ActivitySourceName = "Platform.Redis";
    public const string MeterName = "Platform.Redis";

    internal static readonly ActivitySource Source = new(ActivitySourceName);

    private static readonly Meter Meter = new(MeterName);

    internal static readonly Counter<long> Commands =
        Meter.CreateCounter<long>("redis.client.commands", "{command}", "Commands completed, successfully or not.");

    internal static readonly Counter<long> Errors =
        Meter.CreateCounter<long>("redis.client.errors", "{command}", "Commands that failed: server error, timeout, cancellation or lost connection.");

    internal static readonly Histogram<double> Duration =
        Meter.CreateHistogram<double>("redis.client.command.duration", "s", "Time from sending a command to its outcome.");

    internal static readonly Counter<long> Reconnects =
        Meter.CreateCounter<long>("redis.client.reconnects", "{connection}", "Connections re-established after being lost.");

    internal static bool MetricsEnabled => Commands.Enabled || Errors.Enabled || Duration.Enabled;
}
