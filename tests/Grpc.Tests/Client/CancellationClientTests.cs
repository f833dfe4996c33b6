using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Tests.Echo;
using Grpc.Tests.Hosting;
using Xunit;
using EchoClient = Grpc.Tests.Echo.Echo.EchoClient;

namespace Grpc.Tests.Client;

/// <summary>Deadlines, cancellation tokens and Dispose all end the call on both sides.</summary>
public sealed class CancellationClientTests(EchoHostFixture fixture) : IClassFixture<EchoHostFixture>
{
    private static readonly TimeSpan ServerReaction = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Expired_deadline_fails_with_deadline_exceeded_and_cancels_the_handler()
    {
        using var channel = GrpcChannel.ForAddress(fixture.Host.Address);
        var client = new EchoClient(channel);
        var key = Guid.NewGuid().ToString();

        using var call = client.UnaryAsync(
            new EchoRequest { DelayMs = 60_000, ObserveKey = key },
            deadline: DateTime.UtcNow.AddMilliseconds(500));
        var error = await Assert.ThrowsAsync<RpcException>(async () => await call);

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.Equal(StatusCode.DeadlineExceeded, call.GetStatus().StatusCode);
        Assert.Equal("cancelled", await fixture.Host.Observer.OutcomeOf(key).WaitAsync(ServerReaction));
    }

    [Fact]
    public async Task Deadline_already_in_the_past_fails_without_reaching_the_server()
    {
        using var channel = GrpcChannel.ForAddress(fixture.Host.Address);
        var client = new EchoClient(channel);
        var key = Guid.NewGuid().ToString();

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.UnaryAsync(new EchoRequest { ObserveKey = key }, deadline: DateTime.UtcNow.AddSeconds(-1)));

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.False(fixture.Host.Observer.StartedOf(key).IsCompleted);
    }

    [Fact]
    public async Task Cancelling_the_token_fails_with_cancelled_and_cancels_the_handler()
    {
        using var channel = GrpcChannel.ForAddress(fixture.Host.Address);
        var client = new EchoClient(channel);
        var key = Guid.NewGuid().ToString();
        using var cts = new CancellationTokenSource();

        using var call = client.UnaryAsync(new EchoRequest { DelayMs = 60_000, ObserveKey = key }, cancellationToken: cts.Token);
        await fixture.Host.Observer.StartedOf(key).WaitAsync(ServerReaction);
        cts.Cancel();
        var error = await Assert.ThrowsAsync<RpcException>(async () => await call);

        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        Assert.Equal("cancelled", await fixture.Host.Observer.OutcomeOf(key).WaitAsync(ServerReaction));
    }

    [Fact]
    public async Task Disposing_a_running_call_cancels_it_on_the_server()
    {
        using var channel = GrpcChannel.ForAddress(fixture.Host.Address);
        var client = new EchoClient(channel);
        var key = Guid.NewGuid().ToString();

        var call = client.ServerStream(new EchoRequest { DelayMs = 60_000, ObserveKey = key });
        await fixture.Host.Observer.StartedOf(key).WaitAsync(ServerReaction);
        call.Dispose();

        Assert.Equal(StatusCode.Cancelled, call.GetStatus().StatusCode);
        Assert.Equal("cancelled", await fixture.Host.Observer.OutcomeOf(key).WaitAsync(ServerReaction));
        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
    }

    [Fact]
    public async Task Cancelling_MoveNext_cancels_the_call()
    {
        using var channel = GrpcChannel.ForAddress(fixture.Host.Address);
        var client = new EchoClient(channel);
        var key = Guid.NewGuid().ToString();
        using var cts = new CancellationTokenSource();

        using var call = client.ServerStream(new EchoRequest { DelayMs = 60_000, ObserveKey = key });
        var moveNext = call.ResponseStream.MoveNext(cts.Token);
        await fixture.Host.Observer.StartedOf(key).WaitAsync(ServerReaction);
        cts.Cancel();

        var error = await Assert.ThrowsAsync<RpcException>(() => moveNext);
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        Assert.Equal("cancelled", await fixture.Host.Observer.OutcomeOf(key).WaitAsync(ServerReaction));
    }

    [Fact]
    public async Task Deadline_during_a_stream_ends_it_with_deadline_exceeded()
    {
        using var channel = GrpcChannel.ForAddress(fixture.Host.Address);
        var client = new EchoClient(channel);

        using var call = client.Bidi(deadline: DateTime.UtcNow.AddSeconds(5));
        await call.RequestStream.WriteAsync(new EchoRequest { Message = "first" });
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
    }

    [Fact]
    public async Task ThrowOperationCanceledOnCancellation_throws_OperationCanceledException()
    {
        using var channel = GrpcChannel.ForAddress(fixture.Host.Address, new GrpcChannelOptions { ThrowOperationCanceledOnCancellation = true });
        var client = new EchoClient(channel);
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await client.UnaryAsync(new EchoRequest(), cancellationToken: cts.Token));
    }
}
