namespace Platform.Hosting;

public enum ResourceState
{
    /// <summary>Waiting for the resources it <c>WaitFor</c>s to be healthy.</summary>
    Waiting,
    Starting,

    /// <summary>Started, not yet answering its health check.</summary>
    Running,
    Healthy,

    /// <summary>Was healthy, now fails its health check.</summary>
    Unhealthy,
    Exited,
    FailedToStart,
    Stopping,
    Stopped,
}

/// <summary>One replica of one resource as the local runner sees it.</summary>
public sealed record ResourceSnapshot(
    string Name,
    string ResourceName,
    int Replica,
    ResourceState State,
    int? ProcessId,
    IReadOnlyDictionary<string, Uri> Endpoints);
