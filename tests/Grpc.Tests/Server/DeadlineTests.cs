using System.Net;
using Grpc.Core;
using Grpc.Tests.Echo;
using Grpc.Tests.Hosting;
using Xunit;

namespace Grpc.Tests.Server;

/// <summary>grpc-timeout sent as a raw header, in every unit, becomes the handler's deadline and cancellation.</summary>
public sealed class DeadlineTests(EchoHostFixture fixture) : IClassFixture<EchoHostFixture>
{
    private const string Path = "/test.echo.v1.Echo/Unary";
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("200m")]
    [InlineData("250000u")]
    [InlineData("30000000n")]
    [InlineData("1S")]
    public async Task Expired_deadline_cancels_the_handler_and_ends_with_deadline_exceeded(string timeout)
    {
        using var client = fixture.Host.CreateHttpClient();
        var key = "deadline-" + Guid.NewGuid();

        var response = await RawGrpc.UnaryAsync(
            client, Path, new EchoRequest { DelayMs = 120_000, ObserveKey = key }, ("grpc-timeout", timeout));

        Assert.Equal(HttpStatusCode.OK, response.HttpStatus);
        Assert.Equal(StatusCode.DeadlineExceeded, response.GrpcStatus);
        Assert.Empty(response.Messages);
        Assert.Equal("cancelled", await fixture.Host.Observer.OutcomeOf(key).WaitAsync(Generous));
    }

    [Theory]
    [InlineData("1H", 3600)]
    [InlineData("2M", 120)]
    [InlineData("90S", 90)]
    [InlineData("45000m", 45)]
    public async Task Deadline_is_now_plus_the_timeout_in_utc(string timeout, int expectedSeconds)
    {
        using var client = fixture.Host.CreateHttpClient();
        var before = DateTimeOffset.UtcNow;

        var response = await RawGrpc.UnaryAsync(client, Path, new EchoRequest(), ("grpc-timeout", timeout));

        var after = DateTimeOffset.UtcNow;
        var deadline = DateTimeOffset.FromUnixTimeMilliseconds(EchoReply.Parser.ParseFrom(Assert.Single(response.Messages)).DeadlineUnixMs);
        Assert.InRange(deadline, before.AddSeconds(expectedSeconds).AddSeconds(-1), after.AddSeconds(expectedSeconds).AddSeconds(1));
    }

    [Theory]
    [InlineData("")]
    [InlineData("10")]
    [InlineData("123456789S")]
    [InlineData("5x")]
    [InlineData("-5S")]
    public async Task Malformed_timeout_is_ignored(string timeout)
    {
        using var client = fixture.Host.CreateHttpClient();

        var response = await RawGrpc.UnaryAsync(client, Path, new EchoRequest(), ("grpc-timeout", timeout));

        Assert.Equal(StatusCode.OK, response.GrpcStatus);
        Assert.Equal(0, EchoReply.Parser.ParseFrom(Assert.Single(response.Messages)).DeadlineUnixMs);
    }

    [Fact]
    public async Task No_timeout_means_no_deadline()
    {
        using var client = fixture.Host.CreateHttpClient();

        var response = await RawGrpc.UnaryAsync(client, Path, new EchoRequest());

        Assert.Equal(0, EchoReply.Parser.ParseFrom(Assert.Single(response.Messages)).DeadlineUnixMs);
    }

    [Fact]
    public async Task Deadline_during_a_duplex_call_ends_it_after_the_replies_already_sent()
    {
        using var client = fixture.Host.CreateHttpClient();
        using var timeout = new CancellationTokenSource(Generous);
        var content = new DuplexContent();
        var request = RawGrpc.Request("/test.echo.v1.Echo/Bidi", [], ("grpc-timeout", "500m"));
        request.Content = content;
        content.Write(RawGrpc.Frame(new EchoRequest { Message = "first" }));

        // The request stream is never completed: the handler waits in MoveNext until the deadline cancels it.
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        var replies = new ResponseFrameReader(await response.Content.ReadAsStreamAsync(timeout.Token));

        Assert.Equal("first", EchoReply.Parser.ParseFrom(await replies.ReadAsync(timeout.Token)).Message);
        Assert.Null(await replies.ReadAsync(timeout.Token));
        Assert.Equal("4", Assert.Single(response.TrailingHeaders.GetValues("grpc-status")));
        content.Complete();
    }
}
