namespace Platform.Hosting.ApplicationModel;

/// <summary>The resource receives <c>ConnectionStrings__{ConnectionName}</c> for <see cref="Target"/>.</summary>
public sealed record ConnectionStringReferenceAnnotation(IResourceWithConnectionString Target, string ConnectionName)
    : IResourceAnnotation;

/// <summary>The resource receives <c>services__{target}__{endpoint}__{i}</c> for every endpoint and replica of <see cref="Target"/>.</summary>
public sealed record ServiceReferenceAnnotation(IResourceWithServiceDiscovery Target) : IResourceAnnotation;

/// <summary>The resource starts only once <see cref="Target"/> is healthy.</summary>
public sealed record WaitAnnotation(IResource Target) : IResourceAnnotation;

/// <summary>An environment variable whose value may refer to parameters, endpoints and connection strings.</summary>
public sealed record EnvironmentAnnotation(string Name, ReferenceExpression Value) : IResourceAnnotation;

/// <summary>How many processes (run mode) or pods (publishers, before autoscaling) serve the project.</summary>
public sealed record ReplicaAnnotation(int Replicas) : IResourceAnnotation;

/// <summary>Data that outlives the process: a named volume when published, the state folder when run locally.</summary>
public sealed record VolumeAnnotation(string Name, string Target) : IResourceAnnotation;

/// <summary>The Kubernetes publisher gives this project a fixed replica count instead of an autoscaler.</summary>
public sealed record NoAutoscalingAnnotation : IResourceAnnotation;
