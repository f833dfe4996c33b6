using Platform.Hosting.ApplicationModel;
using Platform.Hosting.Publishing;

namespace Platform.Hosting.Tests.Model;

public sealed class ProjectEnvironmentTests
{
    [Fact]
    public void Locally_each_replica_gets_its_own_listen_port_and_clients_get_every_replica()
    {
        var (budget, routing) = TwoServices();

        var forReplica1 = ProjectEnvironment.For(budget, EnvironmentTarget.Local(1)).ToDictionary(v => v.Name, v => v.Value);
        var forRouting = ProjectEnvironment.For(routing, EnvironmentTarget.Local(0)).Select(v => v.Name).ToList();

        var listen = forReplica1["Kestrel__Endpoints__grpc__Url"].References.OfType<EndpointReference>().Single();
        Assert.Equal(1, listen.Replica);
        Assert.Equal(EndpointProperty.TargetPort, listen.Property);
        Assert.Equal("Development", forReplica1["ASPNETCORE_ENVIRONMENT"].Parts.Single());
        Assert.Contains("services__budget__grpc__0", forRouting);
        Assert.Contains("services__budget__grpc__2", forRouting);
        Assert.DoesNotContain("services__budget__grpc__3", forRouting);
    }

    [Fact]
    public void Published_environment_addresses_each_service_once_in_manifest_expressions()
    {
        var (_, routing) = TwoServices();

        var env = ProjectEnvironment.For(routing, EnvironmentTarget.Published).ToDictionary(v => v.Name, v => ManifestExpressions.Of(v.Value));

        Assert.Equal("routing", env["OTEL_SERVICE_NAME"]);
        Assert.Equal("http://*:{routing.bindings.grpc.targetPort}", env["Kestrel__Endpoints__grpc__Url"]);
        Assert.Equal("Http2", env["Kestrel__Endpoints__grpc__Protocols"]);
        Assert.False(env.ContainsKey("Kestrel__Endpoints__http__Protocols"));
        Assert.Equal("{cache.connectionString}", env["ConnectionStrings__cache"]);
        Assert.Equal("{budget.bindings.grpc.url}", env["services__budget__grpc__0"]);
        Assert.Equal("{budget.bindings.http.url}", env["services__budget__http__0"]);
        Assert.False(env.ContainsKey("services__budget__grpc__1"));
        Assert.Equal("{key.value}", env["API_KEY"]);
        Assert.False(env.ContainsKey("ASPNETCORE_ENVIRONMENT"));
    }

    [Fact]
    public void Connection_strings_compose_the_servers_endpoint_and_password()
    {
        var builder = DistributedApplication.CreateBuilder([]);
        var cache = builder.AddRedis("cache");
        var db = builder.AddPostgres("postgres").AddDatabase("appdb", "app_db");
        var model = builder.Build().Model;

        Assert.Equal("{cache.bindings.tcp.host}:{cache.bindings.tcp.port},password={cache-password.value}", ManifestExpressions.Of(cache.Resource.ConnectionStringExpression));
        Assert.Equal("{postgres.connectionString};Database=app_db", ManifestExpressions.Of(db.Resource.ConnectionStringExpression));
        Assert.Equal(["cache", "postgres", "appdb", "cache-password", "postgres-password"], model.Resources.Select(r => r.Name));
    }

    [Fact]
    public void Literal_braces_are_escaped_in_manifest_expressions()
    {
        var expression = ReferenceExpression.Create($"{{json}}:{1}");

        Assert.Equal("{{json}}:1", ManifestExpressions.Of(expression));
    }

    [Fact]
    public void Names_that_cannot_be_DNS_labels_or_variable_segments_are_refused()
    {
        var builder = DistributedApplication.CreateBuilder([]);

        Assert.Throws<ArgumentException>(() => builder.AddRedis("Cache"));
        Assert.Throws<ArgumentException>(() => builder.AddRedis("cache_1"));
        builder.AddRedis("cache");
        Assert.Throws<DistributedApplicationException>(() => builder.AddRedis("cache"));
    }

    private static (ProjectResource Budget, ProjectResource Routing) TwoServices()
    {
        var builder = DistributedApplication.CreateBuilder([]);
        var key = builder.AddParameter("key", secret: true);
        var cache = builder.AddRedis("cache");
        var budget = builder.AddProject("budget", "/src/Budget/Budget.csproj").WithGrpcEndpoint().WithReplicas(3).WithReference(cache);
        var routing = builder.AddProject("routing", "/src/Routing/Routing.csproj").WithGrpcEndpoint()
            .WithReference(cache).WithReference(budget).WithEnvironment("API_KEY", key);
        return (budget.Resource, routing.Resource);
    }
}
