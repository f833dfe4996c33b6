using System.Buffers.Binary;
using Grpc.Core;
using Grpc.Tests.Echo;
using Grpc.Tests.Hosting;
using Google.Protobuf;
using Xunit;

namespace Grpc.Tests.Server;

/// <summary>Broken request framing must end the call with an error status, never crash or hang the server.</summary>
public sealed class FramingTests(EchoHostFixture fixture) : IClassFixture<EchoHostFixture>
{
    private const string Path = "/test.echo.v1.Echo/Unary";

    public static TheoryData<string, byte[], StatusCode> BrokenBodies()
    {
        var valid = RawGrpc.Frame(new EchoRequest { Message = "x" });
        var truncated = RawGrpc.Frame(new byte[100])[..20];
        var bogusLength = new byte[] { 0, 0xFF, 0xFF, 0xFF, 0xFF, 1, 2, 3 };
        var shortPrefix = new byte[] { 0, 0, 0 };
        return new TheoryData<string, byte[], StatusCode>
        {
            { "truncated message", truncated, StatusCode.Internal },
            { "truncated prefix", shortPrefix, StatusCode.Internal },
            { "bogus length", bogusLength, StatusCode.ResourceExhausted },
            { "compressed flag without grpc-encoding", RawGrpc.Frame(new EchoRequest().ToByteArray(), compressedFlag: 1), StatusCode.Internal },
            { "invalid compressed flag", RawGrpc.Frame(new EchoRequest().ToByteArray(), compressedFlag: 7), StatusCode.Internal },
            { "no message", [], StatusCode.Internal },
            { "two messages for a unary call", RawGrpc.Concat(valid, valid), StatusCode.Internal },
            { "payload that is not protobuf", RawGrpc.Frame([0xFF, 0xFF, 0xFF, 0xFF]), StatusCode.Internal },
        };
    }

    [Theory]
    [MemberData(nameof(BrokenBodies))]
    public async Task Broken_body_ends_with_an_error_status_and_the_server_keeps_serving(string caseName, byte[] body, StatusCode expected)
    {
        using var client = fixture.Host.CreateHttpClient();

        var broken = await RawGrpc.SendAsync(client, RawGrpc.Request(Path, body));
        var next = await RawGrpc.UnaryAsync(client, Path, new EchoRequest { Message = "still here" });

        Assert.True(expected == broken.GrpcStatus, $"{caseName}: expected {expected}, got {broken.GrpcStatus} ({broken.GrpcMessage})");
        Assert.Equal(StatusCode.OK, next.GrpcStatus);
    }

    [Fact]
    public async Task Compressed_message_in_an_unsupported_encoding_is_unimplemented_with_accepted_encodings()
    {
        using var client = fixture.Host.CreateHttpClient();
        var request = RawGrpc.Request(Path, RawGrpc.Frame([1, 2, 3], compressedFlag: 1), ("grpc-encoding", "snappy"));

        var response = await RawGrpc.SendAsync(client, request);

        Assert.Equal(StatusCode.Unimplemented, response.GrpcStatus);
        Assert.Contains("identity", response.Find("grpc-accept-encoding"));
    }

    [Fact]
    public async Task Message_split_across_many_data_frames_is_reassembled()
    {
        using var client = fixture.Host.CreateHttpClient();
        var frame = RawGrpc.Frame(new EchoRequest { Message = "split", Payload = ByteString.CopyFrom(new byte[70_000]) });
        var content = new DuplexContent();
        var request = RawGrpc.Request(Path, []);
        request.Content = content;
        foreach (var chunk in frame.Chunk(1000))
        {
            content.Write(chunk);
        }

        content.Complete();
        var response = await RawGrpc.SendAsync(client, request);

        Assert.Equal(StatusCode.OK, response.GrpcStatus);
        Assert.Equal(70_000, EchoReply.Parser.ParseFrom(Assert.Single(response.Messages)).PayloadSizeReceived);
    }

    [Fact]
    public void Frame_helper_writes_a_big_endian_length()
    {
        var frame = RawGrpc.Frame(new byte[300]);

        Assert.Equal(300u, BinaryPrimitives.ReadUInt32BigEndian(frame.AsSpan(1)));
    }
}
