using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Tests.Echo;
using Grpc.Tests.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Grpc.Tests.Server;

/// <summary>Like Grpc.AspNetCore: a service not registered in DI is created per call from the request scope and disposed after.</summary>
public sealed class ServiceActivationTests
{
    [Fact]
    public async Task Unregistered_service_is_created_per_call_and_disposed()
    {
        await using var host = await GrpcTestHost.StartAsync(
            configureServices: services => services.AddSingleton<InstanceLog>().AddScoped<ScopedDependency>(),
            configureApp: app => app.MapGrpcService<CountingEchoService>(),
            mapEchoService: false);
        using var client = host.CreateHttpClient();

        var first = await RawGrpc.UnaryAsync(client, "/test.echo.v1.Echo/Unary", new EchoRequest());
        var second = await RawGrpc.UnaryAsync(client, "/test.echo.v1.Echo/Unary", new EchoRequest());

        var log = host.Services.GetRequiredService<InstanceLog>();
        Assert.Equal(StatusCode.OK, first.GrpcStatus);
        Assert.Equal(StatusCode.OK, second.GrpcStatus);
        Assert.Equal(2, log.Created.Count);
        Assert.Equal(2, log.Created.Distinct().Count());
        Assert.Equal(log.Created.Order(), log.Disposed.Order());
    }

    [Fact]
    public async Task Service_registered_in_di_keeps_its_di_lifetime()
    {
        await using var host = await GrpcTestHost.StartAsync(
            configureServices: services => services.AddSingleton<InstanceLog>().AddScoped<ScopedDependency>().AddSingleton<CountingEchoService>(),
            configureApp: app => app.MapGrpcService<CountingEchoService>(),
            mapEchoService: false);
        using var client = host.CreateHttpClient();

        await RawGrpc.UnaryAsync(client, "/test.echo.v1.Echo/Unary", new EchoRequest());
        await RawGrpc.UnaryAsync(client, "/test.echo.v1.Echo/Unary", new EchoRequest());

        var log = host.Services.GetRequiredService<InstanceLog>();
        Assert.Single(log.Created);
        Assert.Empty(log.Disposed);
    }

    [Fact]
    public async Task Methods_the_service_does_not_override_are_unimplemented()
    {
        await using var host = await GrpcTestHost.StartAsync(
            configureServices: services => services.AddSingleton<InstanceLog>().AddScoped<ScopedDependency>(),
            configureApp: app => app.MapGrpcService<CountingEchoService>(),
            mapEchoService: false);
        using var client = host.CreateHttpClient();

        var response = await RawGrpc.UnaryAsync(client, "/test.echo.v1.Echo/ServerStream", new EchoRequest());

        Assert.Equal(StatusCode.Unimplemented, response.GrpcStatus);
    }

    [Fact]
    public async Task Mapping_without_AddGrpc_fails_at_startup_with_a_clear_message()
    {
        var builder = WebApplication.CreateSlimBuilder();
        await using var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapGrpcService<EchoService>());

        Assert.Contains("AddGrpc", error.Message);
    }

    public sealed class InstanceLog
    {
        public ConcurrentQueue<Guid> Created { get; } = new();

        public ConcurrentQueue<Guid> Disposed { get; } = new();
    }

    public sealed class ScopedDependency;

    /// <summary>Overrides only Unary; its constructor takes a scoped dependency to prove activation uses the request scope.</summary>
    public sealed class CountingEchoService : Echo.Echo.EchoBase, IDisposable
    {
        private readonly Guid _id = Guid.NewGuid();
        private readonly InstanceLog _log;

        public CountingEchoService(InstanceLog log, ScopedDependency dependency)
        {
            ArgumentNullException.ThrowIfNull(dependency);
            _log = log;
            log.Created.Enqueue(_id);
        }

        public override Task<EchoReply> Unary(EchoRequest request, ServerCallContext context) =>
            Task.FromResult(new EchoReply { Message = _id.ToString() });

        public void Dispose() => _log.Disposed.Enqueue(_id);
    }
}
