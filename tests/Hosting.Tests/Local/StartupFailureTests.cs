using Platform.Hosting.Testing;
using Platform.Hosting.Tests.Support;

namespace Platform.Hosting.Tests.Local;

public sealed class StartupFailureTests
{
    [Fact]
    public async Task A_resource_that_exits_is_reported_with_its_last_lines_and_everything_else_is_stopped()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        var cache = builder.AddRedis("cache");
        var service = builder.AddProject<Projects.TestService>("service").WithReference(cache).WaitFor(cache);
        builder.AddProject<Projects.TestService>("broken")
            .WithEnvironment("TestService__Mode", "fail")
            .WaitFor(service);
        await using var app = builder.Build();

        var failure = await Assert.ThrowsAsync<DistributedApplicationException>(() => app.StartAsync());

        Assert.Contains("Resource 'broken' failed to start: exited with code 3", failure.Message);
        Assert.Contains("broken | test-service: cannot start, failing on purpose", failure.Message);
        Assert.Contains("test-service: start-up step 25 of 25", failure.Message);
        Assert.DoesNotContain("start-up step 3 of 25", failure.Message);
        Assert.Contains("Every other resource was stopped.", failure.Message);

        var resources = app.GetResources();
        Assert.Equal(ResourceState.FailedToStart, resources.Single(r => r.Name == "broken").State);
        Assert.All(resources.Where(r => r.Name != "broken"), r => Assert.Equal(ResourceState.Stopped, r.State));
        var pids = resources.Select(r => r.ProcessId).OfType<int>().ToList();
        Assert.Equal(3, pids.Count);
        Assert.Empty(await ProcessChecks.WaitUntilAllExitedAsync(pids, TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task A_resource_that_never_becomes_healthy_fails_after_the_start_up_timeout()
    {
        var builder = DistributedApplicationTestingBuilder.Create(new DistributedApplicationOptions
        {
            DefaultSettings = new Dictionary<string, string?> { ["AppHost:StartupTimeoutSeconds"] = "15" },
        });
        var sick = builder.AddProject<Projects.TestService>("sick").WithEnvironment("TestService__Mode", "unhealthy");
        builder.AddProject<Projects.TestService>("dependent").WaitFor(sick);
        await using var app = builder.Build();

        var failure = await Assert.ThrowsAsync<DistributedApplicationException>(() => app.StartAsync());

        Assert.Contains("Resource 'sick' failed to start: not healthy within 15 s", failure.Message);
        Assert.Contains("answered 503", failure.Message);
        var resources = app.GetResources();
        Assert.Equal(ResourceState.Waiting, resources.Single(r => r.Name == "dependent").State);
        Assert.Null(resources.Single(r => r.Name == "dependent").ProcessId);
        Assert.Empty(await ProcessChecks.WaitUntilAllExitedAsync([resources.Single(r => r.Name == "sick").ProcessId!.Value], TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task A_wait_cycle_is_refused_before_anything_starts()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        var a = builder.AddProject<Projects.TestService>("a");
        var b = builder.AddProject<Projects.TestService>("b").WaitFor(a);
        a.WaitFor(b);
        await using var app = builder.Build();

        var failure = await Assert.ThrowsAsync<DistributedApplicationException>(() => app.StartAsync());

        Assert.Contains("WaitFor cycle: a -> b -> a", failure.Message);
        Assert.All(app.GetResources(), r => Assert.Null(r.ProcessId));
    }

    [Fact]
    public async Task Missing_server_binaries_are_named_with_the_command_that_installs_them()
    {
        var builder = DistributedApplicationTestingBuilder.Create(new DistributedApplicationOptions
        {
            DefaultSettings = new Dictionary<string, string?>
            {
                ["AppHost:RedisServer"] = "/nonexistent/redis-server",
                ["AppHost:PostgresBin"] = "/nonexistent/bin",
            },
        });
        builder.AddRedis("cache");
        builder.AddPostgres("postgres");
        await using var app = builder.Build();

        var failure = await Assert.ThrowsAsync<DistributedApplicationException>(() => app.StartAsync());

        Assert.Contains("Missing on this machine: redis-server, postgresql", failure.Message);
        Assert.Contains("sudo apt-get update && sudo apt-get install -y redis-server postgresql", failure.Message);
    }
}
