using Platform.Hosting.ApplicationModel;

namespace Platform.Hosting.Local;

/// <summary>
/// Start and stop order of local instances: an instance depends on every replica of what its resource
/// <c>WaitFor</c>s and on its parent (a database on its server). Starting follows dependencies; stopping reverses them.
/// </summary>
internal sealed class ResourceGraph
{
    private readonly Dictionary<ResourceInstance, IReadOnlyList<ResourceInstance>> _dependencies = [];
    private readonly Dictionary<ResourceInstance, List<ResourceInstance>> _dependents = [];

    public ResourceGraph(IReadOnlyList<ResourceInstance> instances)
    {
        ThrowOnCycle(instances.Select(i => i.Resource).Distinct().ToList());
        foreach (var instance in instances)
        {
            _dependents[instance] = [];
        }

        foreach (var instance in instances)
        {
            var resources = DependenciesOf(instance.Resource).ToHashSet();
            var dependencies = instances.Where(i => resources.Contains(i.Resource)).ToList();
            _dependencies[instance] = dependencies;
            foreach (var dependency in dependencies)
            {
                _dependents[dependency].Add(instance);
            }
        }
    }

    public IReadOnlyList<ResourceInstance> DependenciesOf(ResourceInstance instance) => _dependencies[instance];

    public IReadOnlyList<ResourceInstance> DependentsOf(ResourceInstance instance) => _dependents[instance];

    private static IEnumerable<IResource> DependenciesOf(IResource resource)
    {
        foreach (var wait in resource.Annotations.OfType<WaitAnnotation>())
        {
            yield return wait.Target;
        }

        if (resource is IResourceWithParent child)
        {
            yield return child.Parent;
        }
    }

    private static void ThrowOnCycle(IReadOnlyList<IResource> resources)
    {
        var done = new HashSet<IResource>();
        var path = new List<IResource>();

        void Visit(IResource resource)
        {
            if (done.Contains(resource))
            {
                return;
            }

            if (path.Contains(resource))
            {
                var cycle = path.Skip(path.IndexOf(resource)).Append(resource).Select(r => r.Name);
                throw new DistributedApplicationException($"WaitFor cycle: {string.Join(" -> ", cycle)}.");
            }

            path.Add(resource);
            foreach (var dependency in DependenciesOf(resource))
            {
                Visit(dependency);
            }

            path.RemoveAt(path.Count - 1);
            done.Add(resource);
        }

        foreach (var resource in resources)
        {
            Visit(resource);
        }
    }
}
