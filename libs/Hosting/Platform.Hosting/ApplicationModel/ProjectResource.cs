namespace Platform.Hosting.ApplicationModel;

/// <summary>A .NET project started from its build output (run mode) or shipped as a container image (publishers).</summary>
public sealed class ProjectResource(string name, IProjectMetadata metadata)
    : Resource(name), IResourceWithServiceDiscovery, IResourceWithEnvironment, IResourceWithWaitSupport
{
    public IProjectMetadata Metadata { get; } = metadata;

    public int Replicas => Annotations.OfType<ReplicaAnnotation>().LastOrDefault()?.Replicas ?? 1;
}

internal sealed class ProjectPathMetadata(string projectPath, string? targetPath = null) : IProjectMetadata
{
    public string ProjectPath { get; } = Path.GetFullPath(projectPath);

    public string? TargetPath { get; } = targetPath;
}
