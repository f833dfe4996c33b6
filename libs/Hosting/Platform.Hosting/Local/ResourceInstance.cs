using Platform.Hosting.ApplicationModel;

namespace Platform.Hosting.Local;

/// <summary>One replica of one resource in a local run: how to start it, probe it and stop it.</summary>
internal abstract class ResourceInstance(IResource resource, int replica, int replicaCount)
{
    private ResourceState _state = ResourceState.Waiting;

    public IResource Resource { get; } = resource;

    public int Replica { get; } = replica;

    public string DisplayName { get; } = replicaCount > 1 ? $"{resource.Name}-{replica}" : resource.Name;

    public ResourceState State => _state;

    public event Action<ResourceInstance>? StateChanged;

    public virtual int? Pid => null;

    /// <summary>The process's exit, or <c>null</c> for resources without their own process (a database).</summary>
    public virtual Task<int>? Exited => null;

    public virtual IReadOnlyList<string> RecentLines => [];

    /// <summary>After an exit: lets the last output lines arrive (they trail the exit) so a report can show them.</summary>
    public virtual Task DrainOutputAsync() => Task.CompletedTask;

    /// <summary>This instance's endpoints by name.</summary>
    public abstract IReadOnlyDictionary<string, Uri> Endpoints { get; }

    public abstract Task StartAsync(CancellationToken cancellationToken);

    /// <summary>One health probe; <c>false</c> (or an exception, whose message explains a failure) means "not yet".</summary>
    public abstract Task<bool> IsHealthyAsync(CancellationToken cancellationToken);

    public virtual Task StopAsync(TimeSpan grace) => Task.CompletedTask;

    public void SetState(ResourceState state)
    {
        if (_state == state)
        {
            return;
        }

        _state = state;
        StateChanged?.Invoke(this);
    }

    public ResourceSnapshot Snapshot() => new(DisplayName, Resource.Name, Replica, State, Pid, Endpoints);
}
