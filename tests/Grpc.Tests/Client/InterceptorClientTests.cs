using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Grpc.Tests.Echo;
using Grpc.Tests.Hosting;
using Xunit;
using EchoClient = Grpc.Tests.Echo.Echo.EchoClient;

namespace Grpc.Tests.Client;

public sealed class InterceptorClientTests(EchoHostFixture fixture) : IClassFixture<EchoHostFixture>
{
    private static DateTime Deadline => DateTime.UtcNow.AddSeconds(30);

    [Fact]
    public async Task Metadata_function_interceptor_adds_headers_to_every_call()
    {
        using var channel = GrpcChannel.ForAddress(fixture.Host.Address);
        var invoker = channel.Intercept(metadata =>
        {
            metadata.Add("x-added-by", "interceptor");
            return metadata;
        });
        var client = new EchoClient(invoker);

        var reply = await client.UnaryAsync(new EchoRequest(), deadline: Deadline);

        Assert.Equal("interceptor", reply.RequestHeaders["x-added-by"]);
    }

    [Fact]
    public async Task First_interceptor_in_the_list_runs_first()
    {
        var order = new List<string>();
        using var channel = GrpcChannel.ForAddress(fixture.Host.Address);
        var invoker = channel.Intercept(new RecordingInterceptor("outer", order), new RecordingInterceptor("inner", order));
        var client = new EchoClient(invoker);

        await client.UnaryAsync(new EchoRequest(), deadline: Deadline);

        Assert.Equal(["outer:/test.echo.v1.Echo/Unary", "inner:/test.echo.v1.Echo/Unary"], order);
    }

    [Fact]
    public async Task Interceptors_wrap_streaming_calls_too()
    {
        var order = new List<string>();
        using var channel = GrpcChannel.ForAddress(fixture.Host.Address);
        var client = new EchoClient(channel.CreateCallInvoker().Intercept(new RecordingInterceptor("only", order)));

        using var call = client.ServerStream(new EchoRequest { ReplyCount = 2 }, deadline: Deadline);
        var count = 0;
        await foreach (var _ in call.ResponseStream.ReadAllAsync())
        {
            count++;
        }

        Assert.Equal(2, count);
        Assert.Equal(["only:/test.echo.v1.Echo/ServerStream"], order);
    }

    private sealed class RecordingInterceptor(string name, List<string> order) : Interceptor
    {
        public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
            TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
        {
            order.Add($"{name}:{context.Method.FullName}");
            return continuation(request, context);
        }

        public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(
            TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation)
        {
            order.Add($"{name}:{context.Method.FullName}");
            return continuation(request, context);
        }
    }
}
