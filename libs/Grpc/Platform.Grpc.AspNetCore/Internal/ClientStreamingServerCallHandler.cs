using Grpc.Core;

namespace Grpc.AspNetCore.Server.Internal;

/// <summary>A stream of request messages in, one response message out.</summary>
internal sealed class ClientStreamingServerCallHandler<TService, TRequest, TResponse>(
    Method<TRequest, TResponse> method,
    ClientStreamingServiceMethod<TService, TRequest, TResponse> invoker,
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
        var requestServices = call.HttpContext.RequestServices;

        TResponse? response;
        if (!Options.HasInterceptors)
        {
            response = await InvokeServiceAsync(requests, call).ConfigureAwait(false);
        }
        else
        {
            var pipeline = new InterceptorPipeline(Options.Interceptors, requestServices);
            try
            {
                response = await pipeline.Wrap<TRequest, TResponse>(InvokeServiceAsync)(requests, call).ConfigureAwait(false);
            }
            finally
            {
                await pipeline.ReleaseAsync().ConfigureAwait(false);
            }
        }

        if (response is null)
        {
            throw new InvalidOperationException("No message returned from the method.");
        }

        if (!call.CancellationToken.IsCancellationRequested)
        {
            call.ResponseWriter.Write(response, method.ResponseMarshaller.ContextualSerializer);
        }

        async Task<TResponse> InvokeServiceAsync(IAsyncStreamReader<TRequest> innerRequests, ServerCallContext context)
        {
            var service = activator.Create(requestServices);
            try
            {
                return await invoker(service.Instance, innerRequests, context).ConfigureAwait(false);
            }
            finally
            {
                await service.ReleaseAsync().ConfigureAwait(false);
            }
        }
    }
}
