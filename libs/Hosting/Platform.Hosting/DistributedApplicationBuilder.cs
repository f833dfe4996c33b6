using System.Reflection;
using Microsoft.Extensions.Configuration;
using Platform.Hosting.ApplicationModel;

namespace Platform.Hosting;

internal sealed class DistributedApplicationBuilder : IDistributedApplicationBuilder
{
    /// <summary>The assembly attribute build/Platform.Hosting.AppHost.targets writes into every AppHost.</summary>
    internal const string AppHostDirectoryMetadataKey = "PlatformHosting.AppHostDirectory";

    private static readonly Dictionary<string, string> SwitchMappings = new()
    {
        ["--publisher"] = "Publishing:Publisher",
        ["--output-path"] = "Publishing:OutputPath",
        ["--state-dir"] = "AppHost:StateDirectory",
    };

    private readonly List<IResource> _resources = [];

    private readonly DistributedApplicationOptions _options;
    private readonly List<Action> _disposeActions = [];

    public DistributedApplicationBuilder(DistributedApplicationOptions options)
    {
        _options = options;
        Configuration = new ConfigurationManager();
        if (options.DefaultSettings is not null)
        {
            Configuration.AddInMemoryCollection(options.DefaultSettings);
        }

        Configuration.AddEnvironmentVariables();
        Configuration.AddCommandLine(options.Args, SwitchMappings);

        var entryAssembly = Assembly.GetEntryAssembly();
        AppHostDirectory = Path.GetFullPath(options.AppHostDirectory ?? RecordedAppHostDirectory(entryAssembly) ?? System.Environment.CurrentDirectory);
        ApplicationName = options.ApplicationName ?? entryAssembly?.GetName().Name ?? "apphost";
        ExecutionContext = new DistributedApplicationExecutionContext(Configuration["Publishing:Publisher"], Configuration["Publishing:OutputPath"]);
    }

    public ConfigurationManager Configuration { get; }

    public DistributedApplicationExecutionContext ExecutionContext { get; }

    public string AppHostDirectory { get; }

    public string ApplicationName { get; }

    public IReadOnlyList<IResource> Resources => _resources;

    public IResourceBuilder<T> AddResource<T>(T resource) where T : IResource
    {
        if (_resources.Any(r => string.Equals(r.Name, resource.Name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DistributedApplicationException($"Cannot add resource '{resource.Name}': a resource with that name already exists.");
        }

        _resources.Add(resource);
        return CreateResourceBuilder(resource);
    }

    public IResourceBuilder<T> CreateResourceBuilder<T>(T resource) where T : IResource => new ResourceBuilder<T>(resource, this);

    /// <summary>Set while a test runs an AppHost's Main to take its builder (see Testing/EntryPointCapture).</summary>
    internal Action? BuildInterceptor { get; set; }

    public DistributedApplication Build()
    {
        BuildInterceptor?.Invoke();
        var runOptions = Local.LocalRunOptions.From(Configuration, AppHostDirectory, ApplicationName, _options.Output);
        return new DistributedApplication(new DistributedApplicationModel(WithImplicitParameters(), ApplicationName), ExecutionContext, Configuration, runOptions, _disposeActions);
    }

    /// <summary>Runs after the built application has stopped (the testing builder removes its state folder).</summary>
    internal void OnDisposed(Action action) => _disposeActions.Add(action);

    /// <summary>Generated passwords are referenced by their servers without having been added; they belong in the model too.</summary>
    private List<IResource> WithImplicitParameters()
    {
        var resources = new List<IResource>(_resources);
        foreach (var parameter in ReferencedParameters().Distinct())
        {
            if (!resources.Contains(parameter))
            {
                resources.Add(parameter);
            }
        }

        return resources;
    }

    private IEnumerable<ParameterResource> ReferencedParameters()
    {
        foreach (var resource in _resources)
        {
            var expressions = resource.Annotations.OfType<EnvironmentAnnotation>().Select(e => e.Value);
            if (resource is IResourceWithConnectionString withConnectionString)
            {
                expressions = expressions.Append(withConnectionString.ConnectionStringExpression);
            }

            foreach (var reference in expressions.SelectMany(e => e.References).OfType<ParameterReference>())
            {
                yield return reference.Parameter;
            }
        }
    }

    private static string? RecordedAppHostDirectory(Assembly? assembly) =>
        assembly?.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == AppHostDirectoryMetadataKey)?.Value;
}
