using System.Net;
using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Tests.Echo;
using Grpc.Tests.Hosting;
using Xunit;
using EchoClient = Grpc.Tests.Echo.Echo.EchoClient;

namespace Grpc.Tests.Client;

public sealed class ChannelClientTests(EchoHostFixture fixture) : IClassFixture<EchoHostFixture>
{
    private static DateTime Deadline => DateTime.UtcNow.AddSeconds(30);

    [Fact]
    public async Task Bare_host_and_port_is_taken_as_http()
    {
        using var channel = GrpcChannel.ForAddress(fixture.Host.Address.Authority);
        var client = new EchoClient(channel);

        var reply = await client.UnaryAsync(new EchoRequest { Message = "bare" }, deadline: Deadline);

        Assert.Equal("bare", reply.Message);
        Assert.Equal(fixture.Host.Address, channel.Address);
    }

    [Fact]
    public async Task A_caller_supplied_HttpClient_is_used_and_left_open()
    {
        using var httpClient = new HttpClient(new SocketsHttpHandler())
        {
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        using (var channel = GrpcChannel.ForAddress(fixture.Host.Address, new GrpcChannelOptions { HttpClient = httpClient }))
        {
            var reply = await new EchoClient(channel).UnaryAsync(new EchoRequest { Message = "custom" }, deadline: Deadline);
            Assert.Equal("custom", reply.Message);
        }

        // DisposeHttpClient is false by default: the caller's client still works after the channel is gone.
        using var request = new HttpRequestMessage(HttpMethod.Get, fixture.Host.Address);
        using var response = await httpClient.SendAsync(request);
        Assert.NotNull(response);
    }

    [Fact]
    public async Task Calls_on_a_disposed_channel_fail()
    {
        var channel = GrpcChannel.ForAddress(fixture.Host.Address);
        var client = new EchoClient(channel);
        channel.Dispose();

        var error = await Assert.ThrowsAsync<RpcException>(async () => await client.UnaryAsync(new EchoRequest(), deadline: Deadline));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
    }

    [Fact]
    public async Task WithHost_sets_the_authority_of_calls()
    {
        using var channel = GrpcChannel.ForAddress(fixture.Host.Address);
        var client = new EchoClient(channel).WithHost($"echo.internal:{fixture.Host.Address.Port}");

        var reply = await client.UnaryAsync(new EchoRequest { Message = "host" }, deadline: Deadline);

        Assert.Equal("host", reply.Message);
    }
}
