using System.Net;
using Grpc.Core;
using Grpc.Tests.Echo;
using Grpc.Tests.Hosting;
using Xunit;

namespace Grpc.Tests.Server;

public sealed class StreamingCallTests(EchoHostFixture fixture) : IClassFixture<EchoHostFixture>
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Server_streaming_sends_every_reply_then_status()
    {
        using var client = fixture.Host.CreateHttpClient();

        var response = await RawGrpc.UnaryAsync(
            client, "/test.echo.v1.Echo/ServerStream", new EchoRequest { Message = "s", ReplyCount = 5 }, ("echo-k", "v"));

        Assert.Equal(StatusCode.OK, response.GrpcStatus);
        Assert.Equal("v", Assert.Single(response.Headers.GetValues("echo-k")));
        Assert.Equal("v", Assert.Single(response.Trailers.GetValues("trailer-k")));
        var replies = response.Messages.Select(EchoReply.Parser.ParseFrom).ToList();
        Assert.Equal([0, 1, 2, 3, 4], replies.Select(reply => reply.Index));
    }

    [Fact]
    public async Task Server_streaming_error_after_messages_arrives_in_trailers()
    {
        using var client = fixture.Host.CreateHttpClient();
        var request = new EchoRequest { ReplyCount = 1, FailWithStatus = (int)StatusCode.Aborted, FailDetail = "stopped" };

        // The service writes nothing and fails: status must be trailers-only. Then a variant that fails after
        // one message (Bidi below) checks the trailers path.
        var response = await RawGrpc.UnaryAsync(client, "/test.echo.v1.Echo/ServerStream", request);

        Assert.Equal(StatusCode.Aborted, response.GrpcStatus);
        Assert.Equal("stopped", response.GrpcMessage);
    }

    [Fact]
    public async Task Client_streaming_reads_every_request_until_half_close()
    {
        using var client = fixture.Host.CreateHttpClient();
        var body = RawGrpc.Concat(
            RawGrpc.Frame(new EchoRequest { Message = "a" }),
            RawGrpc.Frame(new EchoRequest { Message = "b" }),
            RawGrpc.Frame(new EchoRequest { Message = "c" }));

        var response = await RawGrpc.SendAsync(client, RawGrpc.Request("/test.echo.v1.Echo/ClientStream", body, ("echo-x", "1")));

        Assert.Equal(StatusCode.OK, response.GrpcStatus);
        var reply = EchoReply.Parser.ParseFrom(Assert.Single(response.Messages));
        Assert.Equal("a,b,c", reply.Message);
        Assert.Equal(3, reply.ReceivedCount);
        Assert.Equal("1", Assert.Single(response.Trailers.GetValues("trailer-x")));
    }

    [Fact]
    public async Task Client_streaming_with_no_messages_replies_once()
    {
        using var client = fixture.Host.CreateHttpClient();

        var response = await RawGrpc.SendAsync(client, RawGrpc.Request("/test.echo.v1.Echo/ClientStream", []));

        Assert.Equal(StatusCode.OK, response.GrpcStatus);
        Assert.Equal(0, EchoReply.Parser.ParseFrom(Assert.Single(response.Messages)).ReceivedCount);
    }

    [Fact]
    public async Task Client_streaming_rpc_exception_mid_stream_is_reported()
    {
        using var client = fixture.Host.CreateHttpClient();
        var body = RawGrpc.Concat(
            RawGrpc.Frame(new EchoRequest { Message = "a" }),
            RawGrpc.Frame(new EchoRequest { FailWithStatus = (int)StatusCode.InvalidArgument, FailDetail = "bad item" }));

        var response = await RawGrpc.SendAsync(client, RawGrpc.Request("/test.echo.v1.Echo/ClientStream", body));

        Assert.Equal(StatusCode.InvalidArgument, response.GrpcStatus);
        Assert.Equal("bad item", response.GrpcMessage);
    }

    [Fact]
    public async Task Duplex_replies_interleave_with_requests()
    {
        using var client = fixture.Host.CreateHttpClient();
        using var timeout = new CancellationTokenSource(Generous);
        var content = new DuplexContent();
        var request = RawGrpc.Request("/test.echo.v1.Echo/Bidi", []);
        request.Content = content;

        content.Write(RawGrpc.Frame(new EchoRequest { Message = "m1" }));
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        var replies = new ResponseFrameReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("m1", EchoReply.Parser.ParseFrom(await replies.ReadAsync(timeout.Token)).Message);

        // Each reply must arrive before the next request is sent: proves per-message flushing both ways.
        for (var i = 2; i <= 5; i++)
        {
            content.Write(RawGrpc.Frame(new EchoRequest { Message = $"m{i}" }));
            var reply = EchoReply.Parser.ParseFrom(await replies.ReadAsync(timeout.Token));
            Assert.Equal($"m{i}", reply.Message);
            Assert.Equal(i, reply.ReceivedCount);
        }

        content.Complete();
        Assert.Null(await replies.ReadAsync(timeout.Token));
        Assert.Equal("0", Assert.Single(response.TrailingHeaders.GetValues("grpc-status")));
    }

    [Fact]
    public async Task Duplex_failure_after_a_reply_sends_status_as_trailers()
    {
        using var client = fixture.Host.CreateHttpClient();
        var body = RawGrpc.Concat(
            RawGrpc.Frame(new EchoRequest { Message = "ok" }),
            RawGrpc.Frame(new EchoRequest { FailWithStatus = (int)StatusCode.OutOfRange, FailDetail = "past the end" }));

        var response = await RawGrpc.SendAsync(client, RawGrpc.Request("/test.echo.v1.Echo/Bidi", body));

        Assert.False(response.IsTrailersOnly);
        Assert.Equal("ok", EchoReply.Parser.ParseFrom(Assert.Single(response.Messages)).Message);
        Assert.Equal(StatusCode.OutOfRange, response.GrpcStatus);
        Assert.Equal("past the end", response.GrpcMessage);
    }

    [Fact]
    public async Task Streaming_request_with_a_truncated_last_message_is_internal()
    {
        using var client = fixture.Host.CreateHttpClient();
        var body = RawGrpc.Concat(RawGrpc.Frame(new EchoRequest { Message = "a" }), RawGrpc.Frame(new byte[50])[..10]);

        var response = await RawGrpc.SendAsync(client, RawGrpc.Request("/test.echo.v1.Echo/ClientStream", body));

        Assert.Equal(StatusCode.Internal, response.GrpcStatus);
    }
}
