using Grpc.Core;
using Grpc.Tests.Echo;
using Grpc.Tests.Hosting;
using Xunit;

namespace Grpc.Tests.Server;

/// <summary>A client that resets its stream (RST_STREAM) must cancel the handler's token.</summary>
public sealed class CancellationTests(EchoHostFixture fixture) : IClassFixture<EchoHostFixture>
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("/test.echo.v1.Echo/Unary")]
    [InlineData("/test.echo.v1.Echo/ServerStream")]
    [InlineData("/test.echo.v1.Echo/Bidi")]
    public async Task Client_reset_cancels_the_handler(string path)
    {
        using var client = fixture.Host.CreateHttpClient();
        using var abort = new CancellationTokenSource();
        var key = "reset-" + Guid.NewGuid();
        var content = new DuplexContent();
        var request = RawGrpc.Request(path, []);
        request.Content = content;
        content.Write(RawGrpc.Frame(new EchoRequest { DelayMs = 120_000, ObserveKey = key }));
        if (!path.EndsWith("Bidi", StringComparison.Ordinal))
        {
            content.Complete();
        }

        var sending = client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, abort.Token);
        await fixture.Host.Observer.StartedOf(key).WaitAsync(Generous);
        abort.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
        Assert.Equal("cancelled", await fixture.Host.Observer.OutcomeOf(key).WaitAsync(Generous));
        content.Complete();
    }

    [Fact]
    public async Task Server_keeps_serving_the_connection_after_a_reset()
    {
        using var client = fixture.Host.CreateHttpClient();
        using var abort = new CancellationTokenSource();
        var key = "reset-then-call-" + Guid.NewGuid();
        var sending = client.SendAsync(
            RawGrpc.Request("/test.echo.v1.Echo/Unary", RawGrpc.Frame(new EchoRequest { DelayMs = 120_000, ObserveKey = key })),
            HttpCompletionOption.ResponseHeadersRead,
            abort.Token);
        await fixture.Host.Observer.StartedOf(key).WaitAsync(Generous);
        abort.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);

        var response = await RawGrpc.UnaryAsync(client, "/test.echo.v1.Echo/Unary", new EchoRequest { Message = "after" });

        Assert.Equal(StatusCode.OK, response.GrpcStatus);
    }
}
