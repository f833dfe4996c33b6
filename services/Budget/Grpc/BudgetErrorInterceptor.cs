using Grpc.Core;
using Grpc.Core.Interceptors;
using Npgsql;
using Platform.Budget.Domain;
using Platform.Redis;

namespace Platform.Budget.Grpc;

/// <summary>
/// Turns the domain's refusals into precise gRPC statuses (message for humans, the
/// <c>platform-error-reason</c> trailer for code), and store outages into UNAVAILABLE (retry).
/// </summary>
internal sealed class BudgetErrorInterceptor : Interceptor
{
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

    internal static RpcException? ToRpc(Exception exception, ServerCallContext context) => exception switch
    {
        BudgetException budget => Rpc(Code(budget.Kind), budget.Message, budget.Reason),
        NpgsqlException or TimeoutException or RedisConnectionException or RedisTimeoutException =>
            Rpc(StatusCode.Unavailable, "The budget store is temporarily unavailable; retry with backoff (use the same idempotency key).",
                "STORE_UNAVAILABLE"),
        OperationCanceledException when context.CancellationToken.IsCancellationRequested => Rpc(StatusCode.Cancelled, "The call was cancelled.", null),
        _ => null,
    };

    private static StatusCode Code(BudgetErrorKind kind) => kind switch
    {
        BudgetErrorKind.InvalidArgument => StatusCode.InvalidArgument,
        BudgetErrorKind.NotFound => StatusCode.NotFound,
        BudgetErrorKind.AlreadyExists => StatusCode.AlreadyExists,
        BudgetErrorKind.FailedPrecondition => StatusCode.FailedPrecondition,
        BudgetErrorKind.Aborted => StatusCode.Aborted,
        BudgetErrorKind.OutOfRange => StatusCode.OutOfRange,
        BudgetErrorKind.ResourceExhausted => StatusCode.ResourceExhausted,
        _ => StatusCode.Unavailable,
    };

    private static RpcException Rpc(StatusCode code, string message, string? reason)
    {
        var trailers = new Metadata();
        if (reason is not null)
        {
            trailers.Add("platform-error-reason", reason);
        }

        return new RpcException(new Status(code, message), trailers, message);
    }
}
