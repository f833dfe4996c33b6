using Platform.Hosting;
using Platform.Hosting.Testing;

namespace EndToEnd.Tests;

/// <summary>Starts the platform exactly as AppHost/Program.cs declares it, on free ports, once for the test class.</summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    public static readonly string[] GrpcServices = ["metrics", "budget", "routing", "agents"];

    public DistributedApplication App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>();
        App = builder.Build();
        await App.StartAsync();
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
