using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Tests.Echo;
using Grpc.Tests.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Platform.Testing;
using Xunit;

namespace Grpc.Tests.Client;

/// <summary>Statuses the client derives when the server is not (only) a gRPC server: the spec's HTTP-to-gRPC table and friends.</summary>
public sealed class StatusMappingClientTests : IAsyncLifetime
{
    private GrpcTestHost _host = null!;

    public async Task InitializeAsync() => _host = await GrpcTestHost.StartAsync(configureApp: app =>
    {
        app.MapPost("/http.Status/{code:int}", (HttpContext context, int code) => context.Response.StatusCode = code);
        app.MapPost("/http.NotGrpc/Text", () => Results.Text("hello", "text/plain"));
        app.MapPost("/http.TrailersOnly/Status", (HttpContext context) =>
        {
            context.Response.ContentType = "application/grpc";
            context.Response.Headers["grpc-status"] = "7";
            context.Response.Headers["grpc-message"] = "denied %E2%80%94 by proxy";
            context.Response.Headers["x-policy"] = "strict";
        });
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData(400, StatusCode.Internal)]
    [InlineData(401, StatusCode.Unauthenticated)]
    [InlineData(403, StatusCode.PermissionDenied)]
    [InlineData(404, StatusCode.Unimplemented)]
    [InlineData(429, StatusCode.Unavailable)]
    [InlineData(502, StatusCode.Unavailable)]
    [InlineData(503, StatusCode.Unavailable)]
    [InlineData(504, StatusCode.Unavailable)]
    [InlineData(500, StatusCode.Unknown)]
    public async Task Http_status_without_grpc_status_maps_per_the_spec(int httpStatus, StatusCode expected)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => CallAsync("http.Status", httpStatus.ToString()));

        Assert.Equal(expected, error.StatusCode);
    }

    [Fact]
    public async Task Non_grpc_content_type_fails_with_internal()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => CallAsync("http.NotGrpc", "Text"));

        Assert.Equal(StatusCode.Internal, error.StatusCode);
    }

    [Fact]
    public async Task Trailers_only_response_gives_status_detail_and_metadata()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => CallAsync("http.TrailersOnly", "Status"));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal("denied — by proxy", error.Status.Detail);
        Assert.Equal("strict", error.Trailers.GetValue("x-policy"));
    }

    [Fact]
    public async Task Unknown_method_is_unimplemented()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => CallAsync("test.echo.v1.Echo", "Missing"));

        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }

    [Fact]
    public async Task Refused_connection_is_unavailable()
    {
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{FreePort.Next()}");
        var client = new Echo.Echo.EchoClient(channel);

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.UnaryAsync(new EchoRequest(), deadline: DateTime.UtcNow.AddSeconds(30)));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
    }

    private async Task<EchoReply> CallAsync(string service, string method)
    {
        using var channel = GrpcChannel.ForAddress(_host.Address);
        var descriptor = new Method<EchoRequest, EchoReply>(
            MethodType.Unary,
            service,
            method,
            Marshallers.Create<EchoRequest>(r => r.ToByteArray(), EchoRequest.Parser.ParseFrom),
            Marshallers.Create<EchoReply>(r => r.ToByteArray(), EchoReply.Parser.ParseFrom));
        var options = new CallOptions(deadline: DateTime.UtcNow.AddSeconds(30));
        return await channel.CreateCallInvoker().AsyncUnaryCall(descriptor, null, options, new EchoRequest());
    }
}
