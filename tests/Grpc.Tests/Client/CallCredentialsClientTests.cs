using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Tests.Echo;
using Grpc.Tests.Hosting;
using Xunit;
using EchoClient = Grpc.Tests.Echo.Echo.EchoClient;

namespace Grpc.Tests.Client;

public sealed class CallCredentialsClientTests(EchoHostFixture fixture) : IClassFixture<EchoHostFixture>
{
    private static readonly CallCredentials BearerToken = CallCredentials.FromInterceptor((context, metadata) =>
    {
        metadata.Add("authorization", $"Bearer token-for-{context.MethodName}");
        return Task.CompletedTask;
    });

    private static DateTime Deadline => DateTime.UtcNow.AddSeconds(30);

    [Fact]
    public async Task Call_credentials_are_not_sent_over_cleartext_by_default()
    {
        using var channel = GrpcChannel.ForAddress(fixture.Host.Address);
        var client = new EchoClient(channel);

        var reply = await client.UnaryAsync(new EchoRequest(), new CallOptions(deadline: Deadline, credentials: BearerToken));

        Assert.DoesNotContain("authorization", reply.RequestHeaders.Keys);
    }

    [Fact]
    public async Task Call_credentials_add_headers_when_cleartext_is_explicitly_allowed()
    {
        using var channel = GrpcChannel.ForAddress(fixture.Host.Address, new GrpcChannelOptions { UnsafeUseInsecureChannelCallCredentials = true });
        var client = new EchoClient(channel);

        var reply = await client.UnaryAsync(new EchoRequest(), new CallOptions(deadline: Deadline, credentials: BearerToken));

        Assert.Equal("Bearer token-for-Unary", reply.RequestHeaders["authorization"]);
    }

    [Fact]
    public async Task Channel_credentials_apply_their_call_credentials_to_every_call()
    {
        var tenant = CallCredentials.FromInterceptor((_, metadata) =>
        {
            metadata.Add("x-tenant", "acme");
            return Task.CompletedTask;
        });
        using var channel = GrpcChannel.ForAddress(fixture.Host.Address, new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, CallCredentials.Compose(BearerToken, tenant)),
            UnsafeUseInsecureChannelCallCredentials = true,
        });
        var client = new EchoClient(channel);

        var reply = await client.UnaryAsync(new EchoRequest(), deadline: Deadline);

        Assert.Equal("Bearer token-for-Unary", reply.RequestHeaders["authorization"]);
        Assert.Equal("acme", reply.RequestHeaders["x-tenant"]);
    }

    [Fact]
    public async Task Auth_interceptor_sees_the_service_url_and_can_fail_the_call()
    {
        string? serviceUrl = null;
        var failing = CallCredentials.FromInterceptor((context, _) =>
        {
            serviceUrl = context.ServiceUrl;
            throw new InvalidOperationException("token service down");
        });
        using var channel = GrpcChannel.ForAddress(fixture.Host.Address, new GrpcChannelOptions { UnsafeUseInsecureChannelCallCredentials = true });
        var client = new EchoClient(channel);

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.UnaryAsync(new EchoRequest(), new CallOptions(deadline: Deadline, credentials: failing)));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Equal(new Uri(fixture.Host.Address, "/test.echo.v1.Echo").ToString(), serviceUrl);
    }

    [Fact]
    public void Secure_credentials_on_an_http_address_are_rejected()
    {
        Assert.Throws<InvalidOperationException>(() =>
            GrpcChannel.ForAddress(fixture.Host.Address, new GrpcChannelOptions { Credentials = ChannelCredentials.SecureSsl }));
    }
}
