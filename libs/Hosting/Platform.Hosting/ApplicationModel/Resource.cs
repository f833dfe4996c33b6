namespace Platform.Hosting.ApplicationModel;

public abstract class Resource(string name) : IResource
{
    public string Name { get; } = ResourceName.Validate(name);

    public ResourceAnnotationCollection Annotations { get; } = new();

    public override string ToString() => Name;
}
