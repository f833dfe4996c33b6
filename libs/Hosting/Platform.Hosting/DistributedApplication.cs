using Microsoft.Extensions.Configuration;
using Platform.Hosting.ApplicationModel;
using Platform.Hosting.Local;
using Platform.Hosting.Publishing;

namespace Platform.Hosting;

/// <summary>
/// A built model. <see cref="Run"/> does what the command line asked: publish (<c>--publisher manifest|kubernetes
/// --output-path ...</c>) or run locally until Ctrl+C/SIGTERM, then stop everything in reverse dependency order.
/// </summary>
public sealed class DistributedApplication : IAsyncDisposable
{
    private readonly LocalOrchestrator _orchestrator;
    private readonly IReadOnlyList<Action> _disposeActions;

    internal DistributedApplication(
        DistributedApplicationModel model,
        DistributedApplicationExecutionContext executionContext,
        IConfiguration configuration,
        LocalRunOptions runOptions,
        IReadOnlyList<Action> disposeActions)
    {
        Model = model;
        ExecutionContext = executionContext;
        _orchestrator = new LocalOrchestrator(model, configuration, runOptions);
        _disposeActions = disposeActions;
    }

    public DistributedApplicationModel Model { get; }

    public DistributedApplicationExecutionContext ExecutionContext { get; }

    public static IDistributedApplicationBuilder CreateBuilder(string[] args) => CreateBuilder(new DistributedApplicationOptions { Args = args });

    public static IDistributedApplicationBuilder CreateBuilder(DistributedApplicationOptions options) =>
        Testing.EntryPointCapture.Current?.CreateBuilder(options) ?? new DistributedApplicationBuilder(options);

    /// <summary>Publishes or runs until stopped; a failure is printed and the process exit code set to 1.</summary>
    public void Run()
    {
        using var shutdown = new ShutdownSignal();
        try
        {
            RunAsync(shutdown.Token).GetAwaiter().GetResult();
        }
        catch (DistributedApplicationException ex)
        {
            Console.Error.WriteLine(ex.Message);
            System.Environment.ExitCode = 1;
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        if (ExecutionContext.IsPublishMode)
        {
            var path = Publisher.Publish(Model, ExecutionContext, System.Environment.CurrentDirectory);
            Console.WriteLine($"Published {ExecutionContext.Publisher} output to: {path}");
            return;
        }

        await using (this)
        {
            try
            {
                await StartAsync(cancellationToken).ConfigureAwait(false);
                Console.WriteLine("Running. Press Ctrl+C to stop.");
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                Console.WriteLine("Stopping...");
            }
        }
    }

    /// <summary>Starts every resource and returns once all are healthy; on failure everything is stopped and the exception says why.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default) => _orchestrator.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken = default) => _orchestrator.StopAsync().WaitAsync(cancellationToken);

    /// <summary>The URL of an endpoint of a started resource (<c>GetEndpoint("budget", "grpc")</c>).</summary>
    public Uri GetEndpoint(string resourceName, string endpointName = "http", int replica = 0) =>
        _orchestrator.Context.Endpoints.UrlOf(Model[resourceName], endpointName, replica);

    /// <summary>One URL per replica.</summary>
    public IReadOnlyList<Uri> GetEndpoints(string resourceName, string endpointName = "http")
    {
        var resource = Model[resourceName];
        var replicas = resource is ProjectResource project ? project.Replicas : 1;
        return Enumerable.Range(0, replicas).Select(r => _orchestrator.Context.Endpoints.UrlOf(resource, endpointName, r)).ToList();
    }

    public string GetConnectionString(string resourceName) =>
        Model[resourceName] is IResourceWithConnectionString resource
            ? _orchestrator.Context.Values.Resolve(resource.ConnectionStringExpression)
            : throw new DistributedApplicationException($"Resource '{resourceName}' has no connection string.");

    public Task<string?> GetConnectionStringAsync(string resourceName, CancellationToken cancellationToken = default) =>
        Task.FromResult<string?>(GetConnectionString(resourceName));

    /// <summary>The value a parameter resolved to in this run (secret or not: tests need passwords).</summary>
    public string GetParameterValue(string parameterName) =>
        Model[parameterName] is ParameterResource parameter
            ? _orchestrator.Context.Values.ParameterValue(parameter)
            : throw new DistributedApplicationException($"Resource '{parameterName}' is not a parameter.");

    /// <summary>Every local instance (one per replica) with its state, process id and endpoints.</summary>
    public IReadOnlyList<ResourceSnapshot> GetResources() => _orchestrator.Snapshot();

    public async ValueTask DisposeAsync()
    {
        await _orchestrator.DisposeAsync().ConfigureAwait(false);
        foreach (var action in _disposeActions)
        {
            action();
        }
    }
}
