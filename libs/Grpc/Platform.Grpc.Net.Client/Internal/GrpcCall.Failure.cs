using Grpc.Core;

namespace Grpc.Net.Client.Internal;

internal sealed partial class GrpcCall<TRequest, TResponse>
{
    /// <summary>
    /// Why a send or read failed. A failure we caused (deadline, caller's token, dispose) reports that cause, whatever
    /// exception the transport surfaced; otherwise the exception is mapped per the gRPC HTTP/2 spec.
    /// </summary>
    private Status StatusFromFailure(Exception exception)
    {
        if (Volatile.Read(ref _outcome) is { } outcome)
        {
            return outcome.Status;
        }

        if (Volatile.Read(ref _abortReason) is { } abort)
        {
            return abort.Status;
        }

        if (_callCts.IsCancellationRequested)
        {
            return CallStatuses.DeadlineExceeded;
        }

        return exception switch
        {
            RpcException rpc => rpc.Status,
            HttpProtocolException protocol => FromHttp2ErrorCode(protocol.ErrorCode, protocol),
            HttpRequestException { InnerException: HttpProtocolException protocol } => FromHttp2ErrorCode(protocol.ErrorCode, protocol),
            HttpRequestException request => new Status(StatusCode.Unavailable, "Error starting gRPC call. " + request.Message, request),
            IOException io => new Status(StatusCode.Unavailable, "Error reading the response. " + io.Message, io),
            ObjectDisposedException when _channel.IsDisposed => new Status(StatusCode.Unavailable, "The channel was disposed.", exception),
            OperationCanceledException => new Status(StatusCode.Cancelled, "Call canceled.", exception),
            _ => new Status(StatusCode.Internal, "Error in gRPC call. " + exception.Message, exception),
        };
    }

    /// <summary>RST_STREAM / GOAWAY error codes to statuses (PROTOCOL-HTTP2.md, "Errors").</summary>
    private static Status FromHttp2ErrorCode(long errorCode, Exception exception)
    {
        var code = errorCode switch
        {
            0x7 => StatusCode.Unavailable,        // REFUSED_STREAM: not processed, safe to retry
            0x8 => StatusCode.Cancelled,          // CANCEL
            0xB => StatusCode.ResourceExhausted,  // ENHANCE_YOUR_CALM
            0xC => StatusCode.PermissionDenied,   // INADEQUATE_SECURITY
            _ => StatusCode.Internal,             // NO_ERROR, PROTOCOL_ERROR, INTERNAL_ERROR, FLOW_CONTROL_ERROR, ...
        };
        return new Status(code, $"HTTP/2 error code 0x{errorCode:X}: {exception.Message}", exception);
    }

    private Exception CreateException(CallOutcome outcome)
    {
        if (_channel.ThrowOperationCanceledOnCancellation
            && outcome.Status.StatusCode is StatusCode.Cancelled or StatusCode.DeadlineExceeded)
        {
            return new OperationCanceledException(outcome.Status.Detail, outcome.Status.DebugException);
        }

        return new RpcException(outcome.Status, outcome.Trailers);
    }
}
