using System.Net;
using System.Net.Sockets;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Testing;

namespace Grpc.Tests.Hosting;

/// <summary>
/// A real Kestrel server speaking HTTP/2 cleartext (prior knowledge) on a free loopback port, hosting the
/// <see cref="EchoService"/> by default. Not TestServer: calls cross a real socket.
/// </summary>
public sealed class GrpcTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GrpcTestHost(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>http://127.0.0.1:{port}</summary>
    public Uri Address { get; }

    public IServiceProvider Services => _app.Services;

    public EchoObserver Observer => _app.Services.GetRequiredService<EchoObserver>();

    /// <summary>
    /// Starts a host. The configure hooks run after the defaults, so they can add services, options or endpoints;
    /// pass mapEchoService: false to map a different implementation of the echo service in configureApp.
    /// </summary>
    public static async Task<GrpcTestHost> StartAsync(
        Action<GrpcServiceOptions>? configureGrpc = null,
        Action<IServiceCollection>? configureServices = null,
        Action<WebApplication>? configureApp = null,
        bool mapEchoService = true)
    {
        // A free port can be taken between probing and binding by a parallel test; try a few.
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort.Next();
            var app = Build(port, configureGrpc, configureServices, configureApp, mapEchoService);
            try
            {
                await app.StartAsync();
                return new GrpcTestHost(app, new Uri($"http://127.0.0.1:{port}"));
            }
            catch (IOException ex) when (attempt < 5 && ex.InnerException is SocketException or AddressInUseException)
            {
                await app.DisposeAsync();
            }
        }
    }

    /// <summary>An HttpClient that speaks HTTP/2 without TLS or upgrade, as gRPC clients do inside the cluster.</summary>
    public HttpClient CreateHttpClient()
    {
        var handler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true };
        return new HttpClient(handler)
        {
            BaseAddress = Address,
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static WebApplication Build(
        int port,
        Action<GrpcServiceOptions>? configureGrpc,
        Action<IServiceCollection>? configureServices,
        Action<WebApplication>? configureApp,
        bool mapEchoService)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddSingleton<EchoObserver>();
        builder.Services.AddGrpc(options => configureGrpc?.Invoke(options));
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        if (mapEchoService)
        {
            app.MapGrpcService<EchoService>();
        }

        configureApp?.Invoke(app);
        return app;
    }
}
