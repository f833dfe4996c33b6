using System.Net;
using Grpc.Core;
using Grpc.Tests.Echo;
using Grpc.Tests.Hosting;
using Xunit;

namespace Grpc.Tests.Server;

public sealed class UnaryCallTests(EchoHostFixture fixture) : IClassFixture<EchoHostFixture>
{
    private const string Path = "/test.echo.v1.Echo/Unary";

    [Fact]
    public async Task Echoes_the_request_with_status_ok_in_trailers()
    {
        using var client = fixture.Host.CreateHttpClient();

        var response = await RawGrpc.UnaryAsync(client, Path, new EchoRequest { Message = "hello" });

        Assert.Equal(HttpStatusCode.OK, response.HttpStatus);
        Assert.Equal("application/grpc", response.ContentType);
        Assert.False(response.IsTrailersOnly);
        Assert.Equal(StatusCode.OK, response.GrpcStatus);
        var reply = EchoReply.Parser.ParseFrom(Assert.Single(response.Messages));
        Assert.Equal("hello", reply.Message);
        Assert.StartsWith("ipv4:127.0.0.1:", reply.Peer);
    }

    [Fact]
    public async Task Request_metadata_reaches_the_handler_without_protocol_headers()
    {
        using var client = fixture.Host.CreateHttpClient();
        var binary = new byte[] { 0, 1, 2, 250, 255 };

        var response = await RawGrpc.UnaryAsync(
            client,
            Path,
            new EchoRequest(),
            ("x-tenant", "acme"),
            ("x-blob-bin", Convert.ToBase64String(binary).TrimEnd('=')),
            ("grpc-timeout", "1H"));

        var headers = EchoReply.Parser.ParseFrom(Assert.Single(response.Messages)).RequestHeaders;
        Assert.Equal("acme", headers["x-tenant"]);
        Assert.Equal(Convert.ToBase64String(binary), headers["x-blob-bin"]);
        Assert.DoesNotContain("content-type", headers.Keys);
        Assert.DoesNotContain("te", headers.Keys);
        Assert.DoesNotContain("grpc-timeout", headers.Keys);
        Assert.DoesNotContain(headers.Keys, key => key.StartsWith(':'));
    }

    [Fact]
    public async Task Response_headers_and_trailers_carry_handler_metadata()
    {
        using var client = fixture.Host.CreateHttpClient();

        var response = await RawGrpc.UnaryAsync(
            client, Path, new EchoRequest { Message = "m" }, ("echo-color", "blue"), ("echo-raw-bin", "AAEC"));

        Assert.Equal(StatusCode.OK, response.GrpcStatus);
        Assert.Equal("blue", Assert.Single(response.Headers.GetValues("echo-color")));
        Assert.Equal("blue", Assert.Single(response.Trailers.GetValues("trailer-color")));
        Assert.Equal([0, 1, 2], Convert.FromBase64String(Pad(Assert.Single(response.Trailers.GetValues("trailer-raw-bin")))));
        Assert.Single(response.Messages);
    }

    [Fact]
    public async Task RpcException_becomes_a_trailers_only_status_with_percent_encoded_message()
    {
        using var client = fixture.Host.CreateHttpClient();
        const string detail = "Budget épuisé: 100% used ✓ 日本";

        var response = await RawGrpc.UnaryAsync(
            client, Path, new EchoRequest { FailWithStatus = (int)StatusCode.FailedPrecondition, FailDetail = detail });

        Assert.Equal(HttpStatusCode.OK, response.HttpStatus);
        Assert.True(response.IsTrailersOnly);
        Assert.Empty(response.Messages);
        Assert.Equal(StatusCode.FailedPrecondition, response.GrpcStatus);
        Assert.All(response.RawGrpcMessage!, c => Assert.InRange(c, ' ', '~'));
        Assert.Equal(detail, response.GrpcMessage);
        Assert.Equal("9", response.Find("fail-code"));
    }

    [Fact]
    public async Task Unhandled_exception_becomes_internal_without_the_exception_text()
    {
        using var client = fixture.Host.CreateHttpClient();

        var response = await RawGrpc.UnaryAsync(
            client, Path, new EchoRequest { ThrowUnhandled = true, FailDetail = "secret connection string" });

        Assert.Equal(StatusCode.Internal, response.GrpcStatus);
        Assert.DoesNotContain("secret", response.GrpcMessage);
        Assert.Empty(response.Messages);
    }

    [Fact]
    public async Task Detailed_errors_option_includes_the_exception_message()
    {
        await using var host = await GrpcTestHost.StartAsync(options => options.EnableDetailedErrors = true);
        using var client = host.CreateHttpClient();

        var response = await RawGrpc.UnaryAsync(client, Path, new EchoRequest { ThrowUnhandled = true, FailDetail = "boom detail" });

        Assert.Equal(StatusCode.Internal, response.GrpcStatus);
        Assert.Contains("boom detail", response.GrpcMessage);
    }

    [Theory]
    [InlineData("/test.echo.v1.Nope/Unary", "Service is unimplemented.")]
    [InlineData("/test.echo.v1.Echo/Nope", "Method is unimplemented.")]
    [InlineData("/nothing", "Service is unimplemented.")]
    public async Task Unknown_service_or_method_is_unimplemented(string path, string expectedMessage)
    {
        using var client = fixture.Host.CreateHttpClient();

        var response = await RawGrpc.UnaryAsync(client, path, new EchoRequest());

        Assert.Equal(HttpStatusCode.OK, response.HttpStatus);
        Assert.True(response.IsTrailersOnly);
        Assert.Equal(StatusCode.Unimplemented, response.GrpcStatus);
        Assert.Equal(expectedMessage, response.GrpcMessage);
    }

    [Fact]
    public async Task Wrong_content_type_is_415()
    {
        using var client = fixture.Host.CreateHttpClient();
        var request = RawGrpc.Request(Path, RawGrpc.Frame(new EchoRequest()));
        request.Content!.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        var response = await RawGrpc.SendAsync(client, request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.HttpStatus);
    }

    [Fact]
    public async Task Non_post_request_is_405()
    {
        using var client = fixture.Host.CreateHttpClient();
        var request = new HttpRequestMessage(HttpMethod.Get, Path) { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Many_concurrent_calls_on_one_connection_all_succeed()
    {
        using var client = fixture.Host.CreateHttpClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            RawGrpc.UnaryAsync(client, Path, new EchoRequest { Message = $"m{i}" })));

        for (var i = 0; i < responses.Length; i++)
        {
            Assert.Equal(StatusCode.OK, responses[i].GrpcStatus);
            Assert.Equal($"m{i}", EchoReply.Parser.ParseFrom(Assert.Single(responses[i].Messages)).Message);
        }
    }

    private static string Pad(string base64) => base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
}
