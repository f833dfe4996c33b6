using Microsoft.Extensions.Configuration;
using Platform.Hosting.ApplicationModel;

namespace Platform.Hosting.Local;

/// <summary>
/// Runs a model on this machine. Every instance starts as soon as what it waits for is healthy; the first
/// failure stops everything (dependents first) and is reported with the failing resource's last lines.
/// </summary>
internal sealed class LocalOrchestrator(DistributedApplicationModel model, IConfiguration configuration, LocalRunOptions options) : IAsyncDisposable
{
    private readonly ProcessLauncher _launcher = new();
    private readonly ConsoleReporter _reporter = new(options.Output, options.UseColor);
    private readonly CancellationTokenSource _monitoring = new();
    private readonly Lock _gate = new();
    private List<ResourceInstance> _instances = [];
    private ResourceGraph? _graph;
    private LocalContext? _context;
    private Task? _stopping;
    private bool _started;

    public LocalContext Context => _context ?? throw new InvalidOperationException("The application has not been started.");

    public IReadOnlyList<ResourceSnapshot> Snapshot() => _instances.Select(i => i.Snapshot()).ToList();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _context = await CreateContextAsync(cancellationToken).ConfigureAwait(false);
        _instances = await LocalInstances.CreateAsync(model, _context, cancellationToken).ConfigureAwait(false);
        _graph = new ResourceGraph(_instances);
        _reporter.RegisterNames(_instances.Select(i => i.DisplayName));
        foreach (var instance in _instances)
        {
            instance.StateChanged += OnStateChanged;
        }

        using var startup = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var healthy = _instances.ToDictionary(i => i, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        var runs = _instances.Select(i => StartInstanceAsync(i, healthy, startup)).ToList();
        try
        {
            await Task.WhenAll(runs).ConfigureAwait(false);
        }
        catch
        {
            await startup.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(runs.Select(r => r.ContinueWith(_ => { }, TaskScheduler.Default))).ConfigureAwait(false);
            await StopAsync().ConfigureAwait(false);
            var failure = runs.Select(r => r.Exception?.InnerException).OfType<ResourceStartException>().FirstOrDefault();
            cancellationToken.ThrowIfCancellationRequested();
            throw new DistributedApplicationException(failure?.Report() ?? "Start-up failed.", failure);
        }

        _started = true;
        _reporter.Table(Snapshot());
        foreach (var instance in _instances)
        {
            _ = ResourceMonitor.WatchAsync(instance, _reporter, _monitoring.Token);
        }
    }

    public Task StopAsync()
    {
        lock (_gate)
        {
            return _stopping ??= StopAllAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _launcher.Dispose();
        _monitoring.Dispose();
    }

    private async Task<LocalContext> CreateContextAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(options.StateDirectory);
        var parameters = ParameterValues.Resolve(model.OfType<ParameterResource>(), configuration, Path.Combine(options.StateDirectory, "parameters.json"));
        var endpoints = LocalEndpoints.Allocate(model, new PortAllocator(options.PreferDefaultPorts));
        var binaries = await MachineBinaries.EnsureAsync(model, options, _launcher, _reporter, cancellationToken).ConfigureAwait(false);
        var pidFile = new PidFile(Path.Combine(options.StateDirectory, "pids"));
        return new LocalContext(options, _launcher, new LocalValueResolver(parameters, endpoints), _reporter, pidFile, binaries);
    }

    private async Task StartInstanceAsync(
        ResourceInstance instance, Dictionary<ResourceInstance, TaskCompletionSource> healthy, CancellationTokenSource startup)
    {
        try
        {
            await Task.WhenAll(_graph!.DependenciesOf(instance).Select(d => healthy[d].Task)).WaitAsync(startup.Token).ConfigureAwait(false);
            instance.SetState(ResourceState.Starting);
            await instance.StartAsync(startup.Token).ConfigureAwait(false);
            instance.SetState(ResourceState.Running);
            await HealthWait.UntilHealthyAsync(instance, options.StartupTimeout, startup.Token).ConfigureAwait(false);
            instance.SetState(ResourceState.Healthy);
            healthy[instance].SetResult();
        }
        catch (OperationCanceledException) when (startup.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            instance.SetState(ResourceState.FailedToStart);
            await startup.CancelAsync().ConfigureAwait(false);
            if (ex is ResourceStartException)
            {
                throw;
            }

            throw new ResourceStartException(instance, ex.Message);
        }
    }

    /// <summary>Each instance stops once everything that waits for it has stopped; independent branches stop in parallel.</summary>
    private async Task StopAllAsync()
    {
        await _monitoring.CancelAsync().ConfigureAwait(false);
        if (_graph is null)
        {
            return;
        }

        var stops = new Dictionary<ResourceInstance, Task>();
        Task StopOne(ResourceInstance instance)
        {
            lock (stops)
            {
                if (!stops.TryGetValue(instance, out var stop))
                {
                    stop = StopAfterDependentsAsync(instance);
                    stops[instance] = stop;
                }

                return stop;
            }
        }

        async Task StopAfterDependentsAsync(ResourceInstance instance)
        {
            await Task.Yield();
            await Task.WhenAll(_graph.DependentsOf(instance).Select(StopOne)).ConfigureAwait(false);
            if (instance.State is ResourceState.Waiting)
            {
                return;
            }

            // A failed instance keeps saying so; its process (if any) still has to go.
            var failed = instance.State is ResourceState.FailedToStart;
            if (!failed)
            {
                instance.SetState(ResourceState.Stopping);
            }

            await instance.StopAsync(options.StopGracePeriod).ConfigureAwait(false);
            if (!failed)
            {
                instance.SetState(ResourceState.Stopped);
            }
        }

        await Task.WhenAll(_instances.Select(StopOne)).ConfigureAwait(false);
    }

    private void OnStateChanged(ResourceInstance instance)
    {
        if (_started && _stopping is null && instance.State is ResourceState.Healthy or ResourceState.Unhealthy or ResourceState.Exited)
        {
            _reporter.Table(Snapshot());
        }
        else
        {
            _reporter.Info($"{instance.DisplayName}: {instance.State}");
        }
    }
}
