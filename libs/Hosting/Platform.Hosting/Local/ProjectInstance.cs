using Platform.Hosting.ApplicationModel;

namespace Platform.Hosting.Local;

/// <summary>
/// One replica of a project: <c>dotnet {built dll}</c> (not <c>dotnet run</c>: the AppHost build already built it),
/// with the project folder as content root and the runtime contract as environment. Healthy = 200 from <c>/health</c>.
/// </summary>
internal sealed class ProjectInstance(ProjectResource project, int replica, string targetPath, LocalContext context)
    : ProcessResourceInstance(project, replica, project.Replicas, context)
{
    // Inherited settings that would fight the Kestrel endpoints we assign, and AppHost-only secrets.
    private static readonly string[] InheritedVariablesToDrop =
        ["ASPNETCORE_URLS", "DOTNET_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "HTTP_PORTS", "HTTPS_PORTS"];

    public override IReadOnlyDictionary<string, Uri> Endpoints => Context.Endpoints.UrlsOf(project, Replica);

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        var environment = new Dictionary<string, string?>();
        foreach (var name in InheritedVariablesToDrop)
        {
            environment[name] = null;
        }

        foreach (System.Collections.DictionaryEntry variable in System.Environment.GetEnvironmentVariables())
        {
            if (variable.Key is string name && name.StartsWith("Parameters__", StringComparison.OrdinalIgnoreCase))
            {
                environment[name] = null;
            }
        }

        foreach (var variable in ProjectEnvironment.For(project, EnvironmentTarget.Local(Replica)))
        {
            environment[variable.Name] = Context.Values.Resolve(variable.Value);
        }

        return StartProcessAsync(new ProcessSpec(DotNetHost.Path, [targetPath])
        {
            WorkingDirectory = Path.GetDirectoryName(project.Metadata.ProjectPath),
            Environment = environment,
        });
    }

    public override Task<bool> IsHealthyAsync(CancellationToken cancellationToken) =>
        project.FindEndpoint("http") is null
            ? Task.FromResult(true)
            : HttpHealth.IsHealthyAsync(new Uri(Context.Endpoints.UrlOf(project, "http", Replica), "/health"), cancellationToken);
}
