using Microsoft.Extensions.Logging;

namespace Grpc.AspNetCore.Server.Internal;

/// <summary>The server's log messages, generated at compile time so a disabled level costs nothing.</summary>
internal static partial class ServerLog
{
    [LoggerMessage(1, LogLevel.Error, "Error when executing gRPC method '{Method}'.")]
    public static partial void HandlerError(ILogger logger, string method, Exception exception);

    [LoggerMessage(2, LogLevel.Debug, "gRPC method '{Method}' ended with status {StatusCode}: {Detail}")]
    public static partial void RpcExceptionThrown(ILogger logger, string method, Grpc.Core.StatusCode statusCode, string detail);

    [LoggerMessage(3, LogLevel.Debug, "gRPC call '{Method}' exceeded its deadline.")]
    public static partial void DeadlineExceeded(ILogger logger, string method);

    [LoggerMessage(4, LogLevel.Debug, "gRPC call '{Method}' was cancelled by the client.")]
    public static partial void CallCancelled(ILogger logger, string method);

    [LoggerMessage(5, LogLevel.Debug, "Invalid grpc-timeout header value '{Value}' ignored.")]
    public static partial void InvalidTimeout(ILogger logger, string value);

    [LoggerMessage(6, LogLevel.Warning, "Could not send the status of gRPC call '{Method}'.")]
    public static partial void StatusWriteFailed(ILogger logger, string method, Exception exception);
}
