// Redis plus two replicas of the test service; with TestAppHost:Broken=true also a service that cannot start.
var builder = DistributedApplication.CreateBuilder(args);

var cache = builder.AddRedis("cache");

var service = builder.AddProject<Projects.TestService>("service")
    .WithGrpcEndpoint()
    .WithReplicas(2)
    .WithReference(cache).WaitFor(cache);

if (builder.Configuration["TestAppHost:Broken"] == "true")
{
    builder.AddProject<Projects.TestService>("broken")
        .WithEnvironment("TestService__Mode", "fail")
        .WaitFor(service);
}

builder.Build().Run();
