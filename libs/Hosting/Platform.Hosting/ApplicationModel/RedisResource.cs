namespace Platform.Hosting.ApplicationModel;

/// <summary>A Redis server: <c>redis-server</c> from the machine when run, the official image when published.</summary>
public sealed class RedisResource(string name, ParameterResource password)
    : Resource(name), IResourceWithConnectionString, IResourceWithEndpoints, IResourceWithWaitSupport
{
    public const string EndpointName = "tcp";
    public const int DefaultPort = 6379;
    public const string Image = "docker.io/library/redis";
    public const string ImageTag = "7.4";

    public ParameterResource Password { get; internal set; } = password;

    public EndpointReference Endpoint => new(this, EndpointName);

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"{Endpoint.WithProperty(EndpointProperty.Host)}:{Endpoint.WithProperty(EndpointProperty.Port)},password={Password}");
}
