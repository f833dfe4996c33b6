using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Tests.Echo;
using Grpc.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Grpc.Tests.Server;

public sealed class InterceptorTests
{
    [Fact]
    public async Task Global_interceptors_run_in_registration_order_then_per_service_ones()
    {
        await using var host = await StartAsync(services => services.AddGrpc()
            .AddServiceOptions<EchoService>(options => options.Interceptors.Add<RecordingInterceptor>("C")));
        using var client = host.CreateHttpClient();

        var response = await RawGrpc.UnaryAsync(client, "/test.echo.v1.Echo/Unary", new EchoRequest { Message = "x" });

        Assert.Equal(StatusCode.OK, response.GrpcStatus);
        Assert.Equal(
            ["A:before", "B:before", "C:before", "C:after", "B:after", "A:after"],
            host.Services.GetRequiredService<InterceptorLog>().Entries);
    }

    [Theory]
    [InlineData("/test.echo.v1.Echo/ServerStream")]
    [InlineData("/test.echo.v1.Echo/ClientStream")]
    [InlineData("/test.echo.v1.Echo/Bidi")]
    public async Task Interceptors_wrap_streaming_calls_too(string path)
    {
        await using var host = await StartAsync();
        using var client = host.CreateHttpClient();

        var response = await RawGrpc.UnaryAsync(client, path, new EchoRequest { Message = "x" });

        Assert.Equal(StatusCode.OK, response.GrpcStatus);
        Assert.Equal(["A:before", "B:before", "B:after", "A:after"], host.Services.GetRequiredService<InterceptorLog>().Entries);
    }

    [Fact]
    public async Task Interceptor_can_reject_a_call_before_the_service_runs()
    {
        await using var host = await StartAsync(services => services.AddGrpc()
            .AddServiceOptions<EchoService>(options => options.Interceptors.Add<DenyingInterceptor>()));
        using var client = host.CreateHttpClient();
        var key = "denied-" + Guid.NewGuid();

        var response = await RawGrpc.UnaryAsync(client, "/test.echo.v1.Echo/Unary", new EchoRequest { ObserveKey = key });

        Assert.Equal(StatusCode.PermissionDenied, response.GrpcStatus);
        Assert.Equal("/test.echo.v1.Echo/Unary", response.GrpcMessage);
        Assert.False(host.Observer.StartedOf(key).IsCompleted);
    }

    [Fact]
    public async Task Per_call_interceptors_are_disposed_and_di_registered_ones_are_reused()
    {
        await using var host = await GrpcTestHost.StartAsync(
            options =>
            {
                options.Interceptors.Add<DisposableInterceptor>();
                options.Interceptors.Add<SingletonInterceptor>();
            },
            services => services.AddSingleton<InterceptorLog>().AddSingleton<SingletonInterceptor>());
        using var client = host.CreateHttpClient();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(StatusCode.OK, (await RawGrpc.UnaryAsync(client, "/test.echo.v1.Echo/Unary", new EchoRequest())).GrpcStatus);
        }

        var log = host.Services.GetRequiredService<InterceptorLog>();
        Assert.Equal(3, log.Entries.Count(entry => entry == "disposed"));
        Assert.Single(log.Entries.Where(entry => entry.StartsWith("singleton:", StringComparison.Ordinal)).Distinct());
    }

    private static Task<GrpcTestHost> StartAsync(Action<IServiceCollection>? configureServices = null) =>
        GrpcTestHost.StartAsync(
            options =>
            {
                options.Interceptors.Add<RecordingInterceptor>("A");
                options.Interceptors.Add<RecordingInterceptor>("B");
            },
            services =>
            {
                services.AddSingleton<InterceptorLog>();
                configureServices?.Invoke(services);
            });

    public sealed class InterceptorLog
    {
        private readonly ConcurrentQueue<string> _entries = new();

        public IReadOnlyList<string> Entries => [.. _entries];

        public void Add(string entry) => _entries.Enqueue(entry);
    }

    /// <summary>Takes its name from the registration's arguments and its log from DI.</summary>
    public sealed class RecordingInterceptor(string name, InterceptorLog log) : Interceptor
    {
        public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
            TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
        {
            log.Add($"{name}:before");
            var response = await continuation(request, context);
            log.Add($"{name}:after");
            return response;
        }

        public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
            TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
        {
            log.Add($"{name}:before");
            await continuation(request, responseStream, context);
            log.Add($"{name}:after");
        }

        public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
            IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
        {
            log.Add($"{name}:before");
            var response = await continuation(requestStream, context);
            log.Add($"{name}:after");
            return response;
        }

        public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
            IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
        {
            log.Add($"{name}:before");
            await continuation(requestStream, responseStream, context);
            log.Add($"{name}:after");
        }
    }

    /// <summary>Rejects every unary call, naming the request path it found through GetHttpContext.</summary>
    public sealed class DenyingInterceptor : Interceptor
    {
        public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
            TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation) =>
            throw new RpcException(new Status(StatusCode.PermissionDenied, context.GetHttpContext().Request.Path.Value!));
    }

    public sealed class DisposableInterceptor(InterceptorLog log) : Interceptor, IDisposable
    {
        public void Dispose() => log.Add("disposed");
    }

    public sealed class SingletonInterceptor(InterceptorLog log) : Interceptor
    {
        private readonly Guid _id = Guid.NewGuid();

        public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
            TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
        {
            log.Add($"singleton:{_id}");
            return continuation(request, context);
        }
    }
}
