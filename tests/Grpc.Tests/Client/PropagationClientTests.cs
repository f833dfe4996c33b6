using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Tests.Echo;
using Grpc.Tests.Hosting;
using Xunit;
using EchoClient = Grpc.Tests.Echo.Echo.EchoClient;

namespace Grpc.Tests.Client;

/// <summary>A ContextPropagationToken hands a server call's deadline and cancellation to the client calls it makes.</summary>
public sealed class PropagationClientTests(EchoHostFixture fixture) : IClassFixture<EchoHostFixture>
{
    [Fact]
    public async Task Parent_deadline_becomes_the_child_calls_deadline()
    {
        using var channel = GrpcChannel.ForAddress(fixture.Host.Address);
        var client = new EchoClient(channel);
        var parentDeadline = DateTime.UtcNow.AddMinutes(5);
        var token = new ServerCallPropagationToken(parentDeadline, CancellationToken.None, options: null);

        var reply = await client.UnaryAsync(new EchoRequest(), new CallOptions(propagationToken: token));

        var serverDeadline = DateTimeOffset.FromUnixTimeMilliseconds(reply.DeadlineUnixMs).UtcDateTime;
        Assert.InRange(serverDeadline, parentDeadline.AddMinutes(-1), parentDeadline.AddSeconds(1));
    }

    [Fact]
    public async Task The_earlier_of_own_and_parent_deadline_wins()
    {
        using var channel = GrpcChannel.ForAddress(fixture.Host.Address);
        var client = new EchoClient(channel);
        var token = new ServerCallPropagationToken(DateTime.UtcNow.AddMilliseconds(300), CancellationToken.None, options: null);

        var error = await Assert.ThrowsAsync<RpcException>(async () => await client.UnaryAsync(
            new EchoRequest { DelayMs = 60_000 },
            new CallOptions(deadline: DateTime.UtcNow.AddMinutes(5), propagationToken: token)));

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
    }

    [Fact]
    public async Task Cancelling_the_parent_cancels_the_child_call()
    {
        using var channel = GrpcChannel.ForAddress(fixture.Host.Address);
        var client = new EchoClient(channel);
        var key = Guid.NewGuid().ToString();
        using var parent = new CancellationTokenSource();
        var token = new ServerCallPropagationToken(DateTime.MaxValue, parent.Token, options: null);

        using var call = client.UnaryAsync(new EchoRequest { DelayMs = 60_000, ObserveKey = key }, new CallOptions(propagationToken: token));
        await fixture.Host.Observer.StartedOf(key).WaitAsync(TimeSpan.FromSeconds(30));
        parent.Cancel();

        var error = await Assert.ThrowsAsync<RpcException>(async () => await call);
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
    }

    [Fact]
    public async Task Options_can_turn_propagation_off()
    {
        using var channel = GrpcChannel.ForAddress(fixture.Host.Address);
        var client = new EchoClient(channel);
        var token = new ServerCallPropagationToken(
            DateTime.UtcNow.AddMinutes(5), CancellationToken.None, new ContextPropagationOptions(propagateDeadline: false));

        var reply = await client.UnaryAsync(new EchoRequest(), new CallOptions(propagationToken: token));

        Assert.Equal(0, reply.DeadlineUnixMs);
    }
}
