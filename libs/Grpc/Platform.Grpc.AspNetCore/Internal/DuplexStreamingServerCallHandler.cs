using Grpc.Core;

namespace Grpc.AspNetCore.Server.Internal;

/// <summary>Streams both ways; reads and writes may interleave freely.</summary>
internal sealed class DuplexStreamingServerCallHandler<TService, TRequest, TResponse>(
    Method<TRequest, TResponse> method,
    DuplexStreamingServiceMethod<TService, TRequest, TResponse> invoker,
    ServiceActivator<TService> activator,
    ServerMethodOptions options)
    : ServerCallHandler(method, options)
    where TService : class
    where TRequest : class
    where TResponse : class
{
    protected override async Task HandleCallCoreAsync(GrpcServerCall call)
    {
        var requests = new HttpContextStreamReader<TRequest>(call, method.RequestMarshaller.ContextualDeserializer);
        var responses = new HttpContextStreamWriter<TResponse>(call, method.ResponseMarshaller.ContextualSerializer);
        var requestServices = call.HttpContext.RequestServices;

        if (!Options.HasInterceptors)
        {
            await InvokeServiceAsync(requests, responses, call).ConfigureAwait(false);
            return;
        }

        var pipeline = new InterceptorPipeline(Options.Interceptors, requestServices);
        try
        {
            await pipeline.Wrap<TRequest, TResponse>(InvokeServiceAsync)(requests, responses, call).ConfigureAwait(false);
        }
        finally
        {
            await pipeline.ReleaseAsync().ConfigureAwait(false);
        }

        async Task InvokeServiceAsync(IAsyncStreamReader<TRequest> innerRequests, IServerStreamWriter<TResponse> innerResponses, ServerCallContext context)
        {
            var service = activator.Create(requestServices);
            try
            {
                await invoker(service.Instance, innerRequests, innerResponses, context).ConfigureAwait(false);
            }
            finally
            {
                await service.ReleaseAsync().ConfigureAwait(false);
            }
        }
    }
}
