namespace Platform.Redis.Connection;

/// <summary>Where a connection points, for telemetry tags and error messages.</summary>
internal sealed record EndpointInfo(string Host, int Port, int Database)
{
    public override string ToString() => $"{Host}:{Port}/{Database}";
}
