using Grpc.Core;
using Grpc.Tests.Echo;
using Grpc.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Grpc.Tests.Server;

public sealed class MessageSizeTests
{
    private const string Path = "/test.echo.v1.Echo/Unary";

    [Fact]
    public async Task Request_over_the_receive_limit_is_resource_exhausted_and_the_server_keeps_serving()
    {
        await using var host = await GrpcTestHost.StartAsync(options => options.MaxReceiveMessageSize = 1024);
        using var client = host.CreateHttpClient();

        var tooBig = await RawGrpc.UnaryAsync(client, Path, new EchoRequest { Payload = Google.Protobuf.ByteString.CopyFrom(new byte[4096]) });
        var fine = await RawGrpc.UnaryAsync(client, Path, new EchoRequest { Payload = Google.Protobuf.ByteString.CopyFrom(new byte[512]) });

        Assert.Equal(StatusCode.ResourceExhausted, tooBig.GrpcStatus);
        Assert.Equal(StatusCode.OK, fine.GrpcStatus);
        Assert.Equal(512, EchoReply.Parser.ParseFrom(Assert.Single(fine.Messages)).PayloadSizeReceived);
    }

    [Fact]
    public async Task Default_receive_limit_is_four_mebibytes()
    {
        await using var host = await GrpcTestHost.StartAsync();
        using var client = host.CreateHttpClient();

        var response = await RawGrpc.UnaryAsync(client, Path, new EchoRequest { Payload = Google.Protobuf.ByteString.CopyFrom(new byte[(4 * 1024 * 1024) + 1]) });

        Assert.Equal(StatusCode.ResourceExhausted, response.GrpcStatus);
    }

    [Fact]
    public async Task Response_over_the_send_limit_is_resource_exhausted()
    {
        await using var host = await GrpcTestHost.StartAsync(options => options.MaxSendMessageSize = 1024);
        using var client = host.CreateHttpClient();

        var response = await RawGrpc.UnaryAsync(client, Path, new EchoRequest { PayloadSize = 4096 });

        Assert.Equal(StatusCode.ResourceExhausted, response.GrpcStatus);
        Assert.Empty(response.Messages);
    }

    [Fact]
    public async Task Per_service_options_override_the_global_ones()
    {
        await using var host = await GrpcTestHost.StartAsync(
            configureServices: services => services.AddGrpc().AddServiceOptions<EchoService>(options => options.MaxReceiveMessageSize = 100));
        using var client = host.CreateHttpClient();

        var response = await RawGrpc.UnaryAsync(client, Path, new EchoRequest { Payload = Google.Protobuf.ByteString.CopyFrom(new byte[200]) });

        Assert.Equal(StatusCode.ResourceExhausted, response.GrpcStatus);
    }
}
