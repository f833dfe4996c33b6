using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Testing;

namespace Interop.Tests.Hosting;

/// <summary>Our gRPC server runtime on Kestrel (HTTP/2 cleartext, loopback, free port) serving echo + health.</summary>
public sealed class OurGrpcServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OurGrpcServer(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    public string HostAndPort => $"127.0.0.1:{Port}";

    public static async Task<OurGrpcServer> StartAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();

        var app = builder.Build();
        app.MapGrpcService<InteropEchoService>();
        app.MapGrpcService<TestHealthService>();
        await app.StartAsync();
        return new OurGrpcServer(app, port);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
    }
}
