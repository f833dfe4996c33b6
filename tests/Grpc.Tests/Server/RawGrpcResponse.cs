using System.Net;
using System.Net.Http.Headers;
using Grpc.Core;
using Grpc.Core.Wire;

namespace Grpc.Tests.Server;

/// <summary>What a raw HTTP/2 gRPC exchange returned: HTTP status, headers, framed messages and trailers.</summary>
public sealed class RawGrpcResponse(
    HttpStatusCode httpStatus,
    string? contentType,
    HttpResponseHeaders headers,
    IReadOnlyList<byte[]> messages,
    HttpResponseHeaders trailers)
{
    public HttpStatusCode HttpStatus { get; } = httpStatus;

    public string? ContentType { get; } = contentType;

    public HttpResponseHeaders Headers { get; } = headers;

    public IReadOnlyList<byte[]> Messages { get; } = messages;

    public HttpResponseHeaders Trailers { get; } = trailers;

    /// <summary>True when grpc-status came in the response headers (the spec's Trailers-Only form).</summary>
    public bool IsTrailersOnly => Headers.Contains(GrpcProtocol.StatusHeader);

    public StatusCode GrpcStatus
    {
        get
        {
            var value = Find(GrpcProtocol.StatusHeader) ?? throw new InvalidOperationException("The response has no grpc-status.");
            return (StatusCode)int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>grpc-message as sent (still percent-encoded).</summary>
    public string? RawGrpcMessage => Find(GrpcProtocol.MessageHeader);

    public string GrpcMessage => RawGrpcMessage is { } raw ? GrpcMessageEncoding.Decode(raw) : "";

    /// <summary>A trailer's value, looking in the headers too for trailers-only responses.</summary>
    public string? Find(string name) =>
        Trailers.TryGetValues(name, out var values) || Headers.TryGetValues(name, out values) ? values.First() : null;
}
