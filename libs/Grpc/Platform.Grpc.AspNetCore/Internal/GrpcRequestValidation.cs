using Grpc.Core;
using Grpc.Core.Wire;
using Microsoft.AspNetCore.Http;

namespace Grpc.AspNetCore.Server.Internal;

/// <summary>Rejects requests that are not gRPC before any handler runs, with the HTTP status the spec names.</summary>
internal static class GrpcRequestValidation
{
    public static bool TryAccept(HttpContext httpContext)
    {
        var request = httpContext.Request;
        if (!GrpcProtocol.IsGrpcContentType(request.ContentType))
        {
            Reject(httpContext, StatusCodes.Status415UnsupportedMediaType, $"Content-Type '{request.ContentType}' is not supported.");
            return false;
        }

        if (!HttpProtocol.IsHttp2(request.Protocol) && !HttpProtocol.IsHttp3(request.Protocol))
        {
            Reject(httpContext, StatusCodes.Status426UpgradeRequired, $"Request protocol '{request.Protocol}' is not supported.");
            return false;
        }

        return true;
    }

    /// <summary>Answers a gRPC request with a status and no messages, all in one HEADERS frame.</summary>
    public static void WriteTrailersOnly(HttpContext httpContext, StatusCode statusCode, string detail)
    {
        var response = httpContext.Response;
        response.ContentType = GrpcProtocol.ContentType;
        response.Headers[GrpcProtocol.StatusHeader] = GrpcStatusWire.ToWire(statusCode);
        response.Headers[GrpcProtocol.MessageHeader] = GrpcMessageEncoding.Encode(detail);
    }

    private static void Reject(HttpContext httpContext, int httpStatus, string detail)
    {
        var response = httpContext.Response;
        response.StatusCode = httpStatus;
        response.Headers[GrpcProtocol.StatusHeader] = GrpcStatusWire.ToWire(StatusCode.Internal);
        response.Headers[GrpcProtocol.MessageHeader] = GrpcMessageEncoding.Encode(detail);
    }
}
