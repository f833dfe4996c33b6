using Grpc.Core;
using Grpc.Tests.Echo;
using Interop.Tests.Hosting;
using Xunit;

namespace Interop.Tests;

/// <summary>(c) Our client (GrpcChannel + generated EchoClient) calls a @grpc/grpc-js server.</summary>
public sealed class OurClientCallsGrpcJsServerTests(GrpcJsEchoServer server) : IClassFixture<GrpcJsEchoServer>
{
    private const string NonAsciiDetail = "ngân sách đã hết — budget exhausted";
    private static readonly byte[] BinaryValue = [0, 1, 2, 127, 128, 254, 255];

    private static DateTime Deadline => DateTime.UtcNow.AddSeconds(30);

    [Fact]
    public async Task Unary_RoundTripsTheMessage()
    {
        var reply = await server.Client.UnaryAsync(new EchoRequest { Message = "hello grpc-js", PayloadSize = 3 }, deadline: Deadline);

        Assert.Equal("hello grpc-js", reply.Message);
        Assert.Equal(3, reply.Payload.Length);
    }

    [Fact]
    public async Task ServerStreaming_ReceivesEveryReplyThenOk()
    {
        using var call = server.Client.ServerStream(new EchoRequest { Message = "tick", ReplyCount = 5 }, deadline: Deadline);

        var indexes = new List<int>();
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
            indexes.Add(call.ResponseStream.Current.Index);
        }

        Assert.Equal([0, 1, 2, 3, 4], indexes);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task ErrorStatus_NonAsciiDetailArrivesIntact()
    {
        var request = new EchoRequest { FailWithStatus = (int)StatusCode.ResourceExhausted, FailDetail = NonAsciiDetail };

        var error = await Assert.ThrowsAsync<RpcException>(async () => await server.Client.UnaryAsync(request, deadline: Deadline));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Equal(NonAsciiDetail, error.Status.Detail);
    }

    [Fact]
    public async Task ExpiredDeadline_FailsWithDeadlineExceeded()
    {
        var request = new EchoRequest { Message = "slow", DelayMs = 20_000 };

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await server.Client.UnaryAsync(request, deadline: DateTime.UtcNow.AddMilliseconds(300)));

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
    }

    [Fact]
    public async Task Metadata_RoundTripsThroughRequestHeadersResponseHeadersAndTrailers()
    {
        var headers = new Metadata { { "x-trace-id", "abc-123" }, { "x-blob-bin", BinaryValue } };

        using var call = server.Client.UnaryAsync(new EchoRequest { Message = "meta" }, headers, Deadline);
        var reply = await call.ResponseAsync;
        var responseHeaders = await call.ResponseHeadersAsync;
        var trailers = call.GetTrailers();

        Assert.Equal("abc-123", reply.RequestHeaders["x-trace-id"]);
        Assert.Equal(Convert.ToBase64String(BinaryValue), reply.RequestHeaders["x-blob-bin"]);
        Assert.Equal("abc-123", responseHeaders.GetValue("echo-x-trace-id"));
        Assert.Equal(BinaryValue, responseHeaders.GetValueBytes("echo-x-blob-bin"));
        Assert.Equal("abc-123", trailers.GetValue("trailer-x-trace-id"));
        Assert.Equal(BinaryValue, trailers.GetValueBytes("trailer-x-blob-bin"));
    }

    [Fact]
    public async Task ErrorStatus_CarriesTheServersTrailers()
    {
        var headers = new Metadata { { "x-reason", "quota" } };
        var request = new EchoRequest { FailWithStatus = (int)StatusCode.FailedPrecondition, FailDetail = "no" };

        var error = await Assert.ThrowsAsync<RpcException>(async () => await server.Client.UnaryAsync(request, headers, Deadline));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal("quota", error.Trailers.GetValue("trailer-x-reason"));
    }

    [Fact]
    public async Task ClientStreaming_ServerSeesEveryMessage()
    {
        using var call = server.Client.ClientStream(deadline: Deadline);
        foreach (var message in new[] { "a", "b", "c" })
        {
            await call.RequestStream.WriteAsync(new EchoRequest { Message = message });
        }

        await call.RequestStream.CompleteAsync();
        var reply = await call;

        Assert.Equal("a,b,c", reply.Message);
        Assert.Equal(3, reply.ReceivedCount);
    }

    [Fact]
    public async Task Bidi_RepliesToEachMessageAsItArrives()
    {
        using var call = server.Client.Bidi(deadline: Deadline);
        var received = new List<int>();
        for (var i = 1; i <= 3; i++)
        {
            await call.RequestStream.WriteAsync(new EchoRequest { Message = $"m{i}" });
            Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
            received.Add(call.ResponseStream.Current.ReceivedCount);
        }

        await call.RequestStream.CompleteAsync();
        Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal([1, 2, 3], received);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }
}
