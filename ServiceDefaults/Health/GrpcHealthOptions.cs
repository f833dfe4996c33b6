namespace Platform.ServiceDefaults.Health;

/// <summary>The gRPC service names <c>grpc.health.v1.Health</c> answers for besides the server as a whole ("").</summary>
public sealed class GrpcHealthOptions
{
    public HashSet<string> ServiceNames { get; } = new(StringComparer.Ordinal) { "" };

    /// <summary>How often Watch re-evaluates the health checks to notice a change.</summary>
    public TimeSpan WatchInterval { get; set; } = TimeSpan.FromSeconds(2);
}
