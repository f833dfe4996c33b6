using Grpc.Core;

namespace Grpc.AspNetCore.Server.Internal;

/// <summary>One request message in, a stream of flushed response messages out.</summary>
internal sealed class ServerStreamingServerCallHandler<TService, TRequest, TResponse>(
    Method<TRequest, TResponse> method,
    ServerStreamingServiceMethod<TService, TRequest, TResponse> invoker,
    ServiceActivator<TService> activator,
    ServerMethodOptions options)
    : ServerCallHandler(method, options)
    where TService : class
    where TRequest : class
    where TResponse : class
{
    protected override async Task HandleCallCoreAsync(GrpcServerCall call)
    {
        var request = await call.RequestReader
            .ReadSingleAsync(method.RequestMarshaller.ContextualDeserializer, call.CancellationToken)
            .ConfigureAwait(false);
        var responses = new HttpContextStreamWriter<TResponse>(call, method.ResponseMarshaller.ContextualSerializer);
        var requestServices = call.HttpContext.RequestServices;

        if (!Options.HasInterceptors)
        {
            await InvokeServiceAsync(request, responses, call).ConfigureAwait(false);
            return;
        }

        var pipeline = new InterceptorPipeline(Options.Interceptors, requestServices);
        try
        {
            await pipeline.Wrap<TRequest, TResponse>(InvokeServiceAsync)(request, responses, call).ConfigureAwait(false);
        }
        finally
        {
            await pipeline.ReleaseAsync().ConfigureAwait(false);
        }

        async Task InvokeServiceAsync(TRequest innerRequest, IServerStreamWriter<TResponse> innerResponses, ServerCallContext context)
        {
            var service = activator.Create(requestServices);
            try
            {
                await invoker(service.Instance, innerRequest, innerResponses, context).ConfigureAwait(false);
            }
            finally
            {
                await service.ReleaseAsync().ConfigureAwait(false);
            }
        }
    }
}
