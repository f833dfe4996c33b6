namespace Platform.Hosting.ApplicationModel;

/// <summary>
/// A value that only a back end can resolve: the local runner knows ports and secrets, the manifest publisher
/// writes <c>{resource.property}</c> expressions, the Kubernetes publisher writes service names and secret refs.
/// </summary>
public abstract record ValueReference;

public sealed record ParameterReference(ParameterResource Parameter) : ValueReference;

public sealed record ConnectionStringReference(IResourceWithConnectionString Resource) : ValueReference;

/// <summary>
/// One property of an endpoint. <see cref="Replica"/> is set only by the local runner, which gives every replica
/// its own port; publishers address the endpoint as a whole (one Kubernetes Service in front of all pods).
/// </summary>
public sealed record EndpointReference(
    IResourceWithEndpoints Resource,
    string EndpointName,
    EndpointProperty Property = EndpointProperty.Url,
    int? Replica = null) : ValueReference
{
    public EndpointReference WithProperty(EndpointProperty property) => this with { Property = property };
}

public enum EndpointProperty
{
    Url,
    Scheme,
    Host,
    Port,
    TargetPort,
}
