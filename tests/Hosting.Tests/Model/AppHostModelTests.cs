using Platform.Hosting.ApplicationModel;
using Platform.Hosting.Testing;
using Platform.Hosting.Tests.Support;

namespace Platform.Hosting.Tests.Model;

/// <summary>The model AppHost/Program.cs declares, taken from its Main the way integration tests will start it.</summary>
public sealed class AppHostModelTests
{
    [Fact]
    public async Task The_AppHost_declares_the_platform_as_designed()
    {
        await AppHostBuild.EnsureBuiltAsync();
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>();
        var resources = builder.Resources.ToDictionary(r => r.Name);

        Assert.Equal(
            ["cache-password", "postgres-password", "openai-api-key", "anthropic-api-key", "cache", "postgres", "platformdb", "llm-sim", "metrics", "budget", "routing", "agents"],
            builder.Resources.Select(r => r.Name));
        Assert.All(builder.Resources.OfType<ParameterResource>(), p => Assert.True(p.Secret));
        Assert.Equal("platformdb", ((PostgresDatabaseResource)resources["platformdb"]).DatabaseName);

        AssertWiring(resources["metrics"], ["cache", "platformdb"]);
        AssertWiring(resources["budget"], ["cache", "platformdb", "metrics"]);
        AssertWiring(resources["routing"], ["cache", "platformdb", "budget", "metrics", "llm-sim"]);
        AssertWiring(resources["agents"], ["cache", "platformdb", "routing", "budget", "metrics"]);
        Assert.Equal(["http"], resources["llm-sim"].GetEndpoints().Select(e => e.Name));
        Assert.Equal(["http", "grpc"], resources["routing"].GetEndpoints().Select(e => e.Name));
        Assert.Equal(2, ((ProjectResource)resources["routing"]).Replicas);
        Assert.Equal(RepositoryPaths.Of("services", "Budget", "Budget.csproj"), ((ProjectResource)resources["budget"]).Metadata.ProjectPath);
    }

    [Fact]
    public async Task A_test_starts_an_AppHosts_own_model_on_free_ports_and_stops_it()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.TestAppHost>();
        var app = builder.Build();
        await app.StartAsync();

        var endpoints = app.GetEndpoints("service", "http");
        Assert.Equal(2, endpoints.Count);
        Assert.DoesNotContain(endpoints, e => e.Port is 5201 or 5202);
        using var http = new HttpClient();
        foreach (var endpoint in endpoints)
        {
            Assert.Equal("Healthy", await http.GetStringAsync(new Uri(endpoint, "/health")));
        }

        var pids = app.GetResources().Select(r => r.ProcessId).OfType<int>().ToList();
        await app.DisposeAsync();

        Assert.Empty(await ProcessChecks.WaitUntilAllExitedAsync(pids, TimeSpan.FromSeconds(30)));
    }

    /// <summary>Each reference comes with a WaitFor, in the same order.</summary>
    private static void AssertWiring(IResource project, string[] dependencies)
    {
        var references = project.Annotations.Select(a => a switch
        {
            ConnectionStringReferenceAnnotation c => c.Target.Name,
            ServiceReferenceAnnotation s => s.Target.Name,
            _ => null,
        }).OfType<string>();
        Assert.Equal(dependencies, references);
        Assert.Equal(dependencies, project.Annotations.OfType<WaitAnnotation>().Select(w => w.Target.Name));
    }
}
