using Grpc.Core;
using Grpc.Core.Interceptors;
using Platform.Metrics.Ingestion;
using Platform.Metrics.Reports;
using Platform.Postgres.Resilience;

namespace Platform.Metrics.Grpc;

/// <summary>
/// Bad requests become INVALID_ARGUMENT with the reason; a database outage becomes UNAVAILABLE with a
/// <c>retry-after-ms</c> hint (Record is idempotent by event id, so retrying the same batch is safe).
/// </summary>
internal sealed class MetricsErrorInterceptor : Interceptor
{
    private const string RetryAfterMs = "1000";

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception exception) when (ToRpc(exception, context) is { } rpc)
        {
            throw rpc;
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception exception) when (ToRpc(exception, context) is { } rpc)
        {
            throw rpc;
        }
    }

    private static RpcException? ToRpc(Exception exception, ServerCallContext context) => exception switch
    {
        ReportArgumentException invalid => new RpcException(new Status(StatusCode.InvalidArgument, invalid.Message)),
        OperationCanceledException when context.CancellationToken.IsCancellationRequested =>
            new RpcException(new Status(StatusCode.Cancelled, "The call was cancelled.")),
        StorageUnavailableException unavailable => Unavailable(unavailable.Message),
        _ when PostgresTransientErrors.IsTransient(exception, idempotent: true) =>
            Unavailable("The metrics store is temporarily unavailable; retry with backoff."),
        _ => null,
    };

    private static RpcException Unavailable(string message)
    {
        var trailers = new Metadata { { "retry-after-ms", RetryAfterMs }, { "platform-error-reason", "STORE_UNAVAILABLE" } };
        return new RpcException(new Status(StatusCode.Unavailable, message), trailers, message);
    }
}
