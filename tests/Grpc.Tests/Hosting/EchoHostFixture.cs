using Xunit;

namespace Grpc.Tests.Hosting;

/// <summary>A shared default echo host for a test class (IClassFixture&lt;EchoHostFixture&gt;).</summary>
public sealed class EchoHostFixture : IAsyncLifetime
{
    private GrpcTestHost? _host;

    public GrpcTestHost Host => _host ?? throw new InvalidOperationException("The host has not started.");

    public async Task InitializeAsync() => _host = await GrpcTestHost.StartAsync();

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
