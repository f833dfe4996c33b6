using System.Globalization;
using Grpc.Core;
using Platform.Routing.Completions;

namespace Platform.Routing.Grpc;

/// <summary>Domain failures as gRPC statuses with the contract's trailers (platform-error-reason, retry-after-ms, platform-denial-reason).</summary>
internal static class RpcErrors
{
    public static RpcException ToRpc(RoutingException error)
    {
        var trailers = new Metadata { { "platform-error-reason", error.Reason } };
        if (error.RetryAfter is { } retryAfter)
            trailers.Add("retry-after-ms", ((long)Math.Ceiling(retryAfter.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture));
        if (error.DenialReason is { } denial)
            trailers.Add("platform-denial-reason", denial);
        return new RpcException(new Status(Code(error.Kind), error.Message), trailers);
    }

    private static StatusCode Code(RoutingErrorKind kind) => kind switch
    {
        RoutingErrorKind.InvalidArgument => StatusCode.InvalidArgument,
        RoutingErrorKind.NotFound => StatusCode.NotFound,
        RoutingErrorKind.FailedPrecondition => StatusCode.FailedPrecondition,
        RoutingErrorKind.ResourceExhausted => StatusCode.ResourceExhausted,
        RoutingErrorKind.Unavailable => StatusCode.Unavailable,
        RoutingErrorKind.DeadlineExceeded => StatusCode.DeadlineExceeded,
        RoutingErrorKind.Cancelled => StatusCode.Cancelled,
        RoutingErrorKind.AlreadyExists => StatusCode.AlreadyExists,
        RoutingErrorKind.Aborted => StatusCode.Aborted,
        _ => StatusCode.Internal,
    };
}
