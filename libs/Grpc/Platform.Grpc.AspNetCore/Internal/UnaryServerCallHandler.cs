using Grpc.Core;

namespace Grpc.AspNetCore.Server.Internal;

/// <summary>One request message in, one response message out; the response is left unflushed so it leaves with the trailers.</summary>
internal sealed class UnaryServerCallHandler<TService, TRequest, TResponse>(
    Method<TRequest, TResponse> method,
    UnaryServiceMethod<TService, TRequest, TResponse> invoker,
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

        TResponse? response;
        if (Options.HasInterceptors)
        {
            response = await InvokeWithInterceptorsAsync(request, call).ConfigureAwait(false);
        }
        else
        {
            var service = activator.Create(call.HttpContext.RequestServices);
            try
            {
                response = await invoker(service.Instance, request, call).ConfigureAwait(false);
            }
            finally
            {
                await service.ReleaseAsync().ConfigureAwait(false);
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
    }

    private async Task<TResponse> InvokeWithInterceptorsAsync(TRequest request, GrpcServerCall call)
    {
        var requestServices = call.HttpContext.RequestServices;
        var pipeline = new InterceptorPipeline(Options.Interceptors, requestServices);
        try
        {
            var handler = pipeline.Wrap<TRequest, TResponse>(async (innerRequest, context) =>
            {
                var service = activator.Create(requestServices);
                try
                {
                    return await invoker(service.Instance, innerRequest, context).ConfigureAwait(false);
                }
                finally
                {
                    await service.ReleaseAsync().ConfigureAwait(false);
                }
            });
            return await handler(request, call).ConfigureAwait(false);
        }
        finally
        {
            await pipeline.ReleaseAsync().ConfigureAwait(false);
        }
    }
}
