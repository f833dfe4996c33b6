using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Tests.Echo;
using Grpc.Tests.Hosting;
using Xunit;
using EchoClient = Grpc.Tests.Echo.Echo.EchoClient;

namespace Grpc.Tests.Client;

public sealed class UnaryClientTests(EchoHostFixture fixture) : IClassFixture<EchoHostFixture>
{
    private static DateTime Deadline => DateTime.UtcNow.AddSeconds(30);

    [Fact]
    public async Task Unary_call_returns_the_reply_and_ends_with_status_ok()
    {
        using var channel = GrpcChannel.ForAddress(fixture.Host.Address);
        var client = new EchoClient(channel);

        using var call = client.UnaryAsync(new EchoRequest { Message = "hello", PayloadSize = 10 }, deadline: Deadline);
        var reply = await call;

        Assert.Equal("hello", reply.Message);
        Assert.Equal(10, reply.Payload.Length);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
        Assert.NotNull(call.GetTrailers());
    }

    [Fact]
    public void Blocking_unary_call_returns_the_reply()
    {
        using var channel = GrpcChannel.ForAddress(fixture.Host.Address);
        var client = new EchoClient(channel);

        var reply = client.Unary(new EchoRequest { Message = "blocking" }, deadline: Deadline);

        Assert.Equal("blocking", reply.Message);
    }

    [Fact]
    public async Task Request_metadata_reaches_the_server_with_binary_values_intact()
    {
        using var channel = GrpcChannel.ForAddress(fixture.Host.Address);
        var client = new EchoClient(channel);
        var binary = new byte[] { 0, 1, 2, 250, 255 };
        var headers = new Metadata { { "x-tenant", "acme" }, { "x-blob-bin", binary } };

        var reply = await client.UnaryAsync(new EchoRequest(), headers, Deadline);

        Assert.Equal("acme", reply.RequestHeaders["x-tenant"]);
        Assert.Equal(Convert.ToBase64String(binary), reply.RequestHeaders["x-blob-bin"]);
        Assert.DoesNotContain("grpc-timeout", reply.RequestHeaders.Keys);
    }

    [Fact]
    public async Task User_agent_is_sent_and_metadata_can_replace_it()
    {
        using var channel = GrpcChannel.ForAddress(fixture.Host.Address);
        var client = new EchoClient(channel);

        var standard = await client.UnaryAsync(new EchoRequest(), deadline: Deadline);
        var replaced = await client.UnaryAsync(new EchoRequest(), new Metadata { { "user-agent", "budget-client/2.0" } }, Deadline);

        Assert.StartsWith("grpc-dotnet-platform/", standard.RequestHeaders["user-agent"]);
        Assert.Equal("budget-client/2.0", replaced.RequestHeaders["user-agent"]);
    }

    [Fact]
    public async Task Deadline_travels_as_grpc_timeout_and_becomes_the_servers_deadline()
    {
        using var channel = GrpcChannel.ForAddress(fixture.Host.Address);
        var client = new EchoClient(channel);
        var deadline = DateTime.UtcNow.AddMinutes(10);

        var reply = await client.UnaryAsync(new EchoRequest(), deadline: deadline);

        // The server derives its deadline from the relative grpc-timeout, so allow for transit and clock reads.
        var serverDeadline = DateTimeOffset.FromUnixTimeMilliseconds(reply.DeadlineUnixMs).UtcDateTime;
        Assert.InRange(serverDeadline, deadline.AddMinutes(-1), deadline.AddSeconds(1));
    }

    [Fact]
    public async Task Error_status_becomes_an_RpcException_with_code_and_detail()
    {
        using var channel = GrpcChannel.ForAddress(fixture.Host.Address);
        var client = new EchoClient(channel);
        var request = new EchoRequest { FailWithStatus = (int)StatusCode.FailedPrecondition, FailDetail = "ngân sách đã hết — budget exhausted" };

        using var call = client.UnaryAsync(request, deadline: Deadline);
        var error = await Assert.ThrowsAsync<RpcException>(async () => await call);

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal("ngân sách đã hết — budget exhausted", error.Status.Detail);
        Assert.Equal(error.Status, call.GetStatus());
    }

    [Fact]
    public void Status_and_trailers_are_unavailable_until_the_call_ends()
    {
        using var channel = GrpcChannel.ForAddress(fixture.Host.Address);
        var client = new EchoClient(channel);

        using var call = client.UnaryAsync(new EchoRequest { DelayMs = 60_000 }, deadline: Deadline);

        Assert.Throws<InvalidOperationException>(() => call.GetStatus());
        Assert.Throws<InvalidOperationException>(() => call.GetTrailers());
    }

    [Fact]
    public async Task Response_headers_arrive_before_the_response()
    {
        using var channel = GrpcChannel.ForAddress(fixture.Host.Address);
        var client = new EchoClient(channel);

        using var call = client.UnaryAsync(new EchoRequest { Message = "h" }, deadline: Deadline);
        var headers = await call.ResponseHeadersAsync;
        await call;

        Assert.DoesNotContain(headers, entry => entry.Key is "content-type" or "grpc-status" || entry.Key.StartsWith(':'));
    }

    [Fact]
    public async Task Many_concurrent_calls_share_one_channel()
    {
        using var channel = GrpcChannel.ForAddress(fixture.Host.Address);
        var client = new EchoClient(channel);

        var replies = await Task.WhenAll(Enumerable.Range(0, 300).Select(async i =>
            (await client.UnaryAsync(new EchoRequest { Message = $"m{i}" }, deadline: DateTime.UtcNow.AddMinutes(2))).Message));

        Assert.Equal(Enumerable.Range(0, 300).Select(i => $"m{i}"), replies);
    }
}
