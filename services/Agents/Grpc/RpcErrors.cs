using System.Globalization;
using Grpc.Core;
using Npgsql;
using Platform.Agents.Domain;
using Platform.Redis;

namespace Platform.Agents.Grpc;

/// <summary>Engine errors as gRPC statuses with the platform's trailers (platform-error-reason, retry-after-ms).</summary>
internal static class RpcErrors
{
    public static RpcException From(AgentsException e)
    {
        var trailers = new Metadata { { "platform-error-reason", e.Reason } };
        if (e.Field is { } field)
            trailers.Add("platform-error-field", field);
        if (e.RetryAfter is { } retryAfter)
            trailers.Add("retry-after-ms", ((long)Math.Ceiling(retryAfter.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture));
        return new RpcException(new Status(Code(e.Kind), e.Message), trailers);
    }

    /// <summary>A store that cannot be reached is a transient UNAVAILABLE, never an INTERNAL bug.</summary>
    public static RpcException? FromInfrastructure(Exception e) => e switch
    {
        RedisException or NpgsqlException or TimeoutException => new RpcException(
            new Status(StatusCode.Unavailable, "A store the agents service depends on is unavailable; retry with the same idempotency key."),
            new Metadata { { "platform-error-reason", ErrorReasons.StoreUnavailable }, { "retry-after-ms", "1000" } }),
        _ => null,
    };

    private static StatusCode Code(AgentsErrorKind kind) => kind switch
    {
        AgentsErrorKind.InvalidArgument => StatusCode.InvalidArgument,
        AgentsErrorKind.NotFound => StatusCode.NotFound,
        AgentsErrorKind.AlreadyExists => StatusCode.AlreadyExists,
        AgentsErrorKind.FailedPrecondition => StatusCode.FailedPrecondition,
        AgentsErrorKind.Aborted => StatusCode.Aborted,
        AgentsErrorKind.ResourceExhausted => StatusCode.ResourceExhausted,
        _ => StatusCode.Unavailable,
    };
}
