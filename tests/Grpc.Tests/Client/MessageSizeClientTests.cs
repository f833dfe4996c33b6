using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Tests.Echo;
using Grpc.Tests.Hosting;
using Xunit;
using EchoClient = Grpc.Tests.Echo.Echo.EchoClient;

namespace Grpc.Tests.Client;

public sealed class MessageSizeClientTests(EchoHostFixture fixture) : IClassFixture<EchoHostFixture>
{
    private static DateTime Deadline => DateTime.UtcNow.AddSeconds(60);

    [Fact]
    public async Task Megabyte_messages_round_trip_in_both_directions()
    {
        using var channel = GrpcChannel.ForAddress(fixture.Host.Address);
        var client = new EchoClient(channel);
        var payload = ByteString.CopyFrom(Enumerable.Range(0, 1024 * 1024).Select(i => (byte)i).ToArray());

        var reply = await client.UnaryAsync(new EchoRequest { Payload = payload, PayloadSize = 3 * 1024 * 1024 }, deadline: Deadline);

        Assert.Equal(payload.Length, reply.PayloadSizeReceived);
        Assert.Equal(3 * 1024 * 1024, reply.Payload.Length);
    }

    [Fact]
    public async Task Response_over_the_receive_limit_fails_with_resource_exhausted()
    {
        using var channel = GrpcChannel.ForAddress(fixture.Host.Address, new GrpcChannelOptions { MaxReceiveMessageSize = 64 * 1024 });
        var client = new EchoClient(channel);

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.UnaryAsync(new EchoRequest { PayloadSize = 65 * 1024 }, deadline: Deadline));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task Default_receive_limit_is_four_mebibytes()
    {
        using var channel = GrpcChannel.ForAddress(fixture.Host.Address);
        var client = new EchoClient(channel);

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.UnaryAsync(new EchoRequest { PayloadSize = 4 * 1024 * 1024 + 1 }, deadline: Deadline));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task Request_over_the_send_limit_fails_with_resource_exhausted_before_sending()
    {
        using var channel = GrpcChannel.ForAddress(fixture.Host.Address, new GrpcChannelOptions { MaxSendMessageSize = 1024 });
        var client = new EchoClient(channel);
        var key = Guid.NewGuid().ToString();

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.UnaryAsync(new EchoRequest { Payload = ByteString.CopyFrom(new byte[2048]), ObserveKey = key }, deadline: Deadline));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.False(fixture.Host.Observer.StartedOf(key).IsCompleted);
    }

    [Fact]
    public async Task Streamed_request_over_the_send_limit_fails_the_write()
    {
        using var channel = GrpcChannel.ForAddress(fixture.Host.Address, new GrpcChannelOptions { MaxSendMessageSize = 1024 });
        var client = new EchoClient(channel);

        using var call = client.ClientStream(deadline: Deadline);
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            call.RequestStream.WriteAsync(new EchoRequest { Payload = ByteString.CopyFrom(new byte[2048]) }));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }
}
