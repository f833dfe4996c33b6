namespace Platform.Hosting.ApplicationModel;

/// <summary>The resources of an application, in the order they were added.</summary>
public sealed class DistributedApplicationModel(IReadOnlyList<IResource> resources, string applicationName = "apphost")
{
    public IReadOnlyList<IResource> Resources { get; } = resources;

    /// <summary>Names what the publishers share between resources (the Secret, the part-of label, volumes).</summary>
    public string ApplicationName { get; } = applicationName;

    public IResource this[string name] =>
        Resources.FirstOrDefault(r => r.Name == name) ?? throw new KeyNotFoundException($"No resource named '{name}'.");

    public IEnumerable<T> OfType<T>() where T : IResource => Resources.OfType<T>();
}
