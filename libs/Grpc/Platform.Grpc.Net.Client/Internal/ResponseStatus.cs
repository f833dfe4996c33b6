using System.Net;
using System.Net.Http.Headers;
using Grpc.Core;
using Grpc.Core.Wire;

namespace Grpc.Net.Client.Internal;

/// <summary>Reads a call's status and metadata out of HTTP/2 response headers and trailers.</summary>
internal static class ResponseStatus
{
    /// <summary>A status carried by the headers: a trailers-only response, a non-200 HTTP status, or a non-gRPC body.</summary>
    public static Status? FromHeaders(HttpResponseMessage response)
    {
        var headers = response.Headers.NonValidated;
        if (headers.TryGetValues(GrpcProtocol.StatusHeader, out var grpcStatus))
        {
            headers.TryGetValues(GrpcProtocol.MessageHeader, out var grpcMessage);
            return GrpcStatusWire.FromTrailers(grpcStatus.ToString(), grpcMessage.Count == 0 ? null : grpcMessage.ToString());
        }

        if (response.StatusCode != HttpStatusCode.OK)
        {
            var httpStatus = (int)response.StatusCode;
            return new Status(GrpcStatusWire.FromHttpStatus(httpStatus), $"Bad gRPC response. HTTP status code: {httpStatus}");
        }

        var contentType = response.Content.Headers.NonValidated.TryGetValues("Content-Type", out var values) ? values.ToString() : "";
        if (!GrpcProtocol.IsGrpcContentType(contentType))
        {
            return new Status(StatusCode.Internal, $"Bad gRPC response. Invalid content-type value: '{contentType}'");
        }

        return null;
    }

    /// <summary>The status and metadata of the trailers, which the handler has once the body was read to its end.</summary>
    public static Status FromTrailers(HttpResponseHeaders trailing, out Metadata trailers)
    {
        trailers = ToMetadata(trailing);
        var values = trailing.NonValidated;
        if (!values.TryGetValues(GrpcProtocol.StatusHeader, out var grpcStatus))
        {
            return new Status(StatusCode.Internal, "Bad gRPC response. The response ended without a grpc-status trailer.");
        }

        values.TryGetValues(GrpcProtocol.MessageHeader, out var grpcMessage);
        return GrpcStatusWire.FromTrailers(grpcStatus.ToString(), grpcMessage.Count == 0 ? null : grpcMessage.ToString());
    }

    /// <summary>User-visible metadata from received headers: everything but the protocol's own headers.</summary>
    public static Metadata ToMetadata(HttpHeaders headers)
    {
        Metadata? metadata = null;
        foreach (var (name, values) in headers.NonValidated)
        {
            if (MetadataWire.IsReservedHeader(name))
            {
                continue;
            }

            metadata ??= [];
            foreach (var value in values)
            {
                MetadataWire.AddReceived(metadata, name, value);
            }
        }

        return metadata ?? Metadata.Empty;
    }
}
