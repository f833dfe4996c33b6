using Platform.Hosting.ApplicationModel;

namespace Platform.Hosting;

public static class ProjectResourceBuilderExtensions
{
    /// <summary>Port the <c>http</c> endpoint listens on inside a container (the .NET images' default).</summary>
    public const int HttpTargetPort = 8080;

    /// <summary>Port the <c>grpc</c> endpoint listens on inside a container.</summary>
    public const int GrpcTargetPort = 8081;

    /// <summary>A project from a generated <c>Projects.*</c> class, with an <c>http</c> endpoint.</summary>
    public static IResourceBuilder<ProjectResource> AddProject<TProject>(this IDistributedApplicationBuilder builder, string name)
        where TProject : IProjectMetadata, new() =>
        builder.AddProject(name, new TProject());

    /// <summary>A project by path (relative to the AppHost folder), with an <c>http</c> endpoint; the runner builds it when needed.</summary>
    public static IResourceBuilder<ProjectResource> AddProject(this IDistributedApplicationBuilder builder, string name, string projectPath) =>
        builder.AddProject(name, new ProjectPathMetadata(Path.Combine(builder.AppHostDirectory, projectPath)));

    public static IResourceBuilder<ProjectResource> AddProject(this IDistributedApplicationBuilder builder, string name, IProjectMetadata metadata)
    {
        var project = new ProjectResource(name, metadata);
        project.Annotations.Add(new EndpointAnnotation("http", "http", "http", HttpTargetPort));
        return builder.AddResource(project);
    }

    /// <summary>A cleartext HTTP/2 endpoint (gRPC with prior knowledge) next to the <c>http</c> one.</summary>
    public static IResourceBuilder<ProjectResource> WithGrpcEndpoint(
        this IResourceBuilder<ProjectResource> builder, int? port = null, int? targetPort = null, string name = "grpc") =>
        builder.WithAnnotation(new EndpointAnnotation(name, "http", "http2", targetPort ?? GrpcTargetPort, port));

    /// <summary>Runs <paramref name="replicas"/> processes locally (each on its own ports); clients receive every endpoint.</summary>
    public static IResourceBuilder<ProjectResource> WithReplicas(this IResourceBuilder<ProjectResource> builder, int replicas)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(replicas, 1);
        return builder.WithAnnotation(new ReplicaAnnotation(replicas));
    }

    /// <summary>The Kubernetes publisher runs this project at its replica count, without a HorizontalPodAutoscaler.</summary>
    public static IResourceBuilder<ProjectResource> WithoutAutoscaling(this IResourceBuilder<ProjectResource> builder) =>
        builder.WithAnnotation(new NoAutoscalingAnnotation());
}
