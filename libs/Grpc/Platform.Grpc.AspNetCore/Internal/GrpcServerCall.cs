using System.Net.Sockets;
using Grpc.Core;
using Grpc.Core.Wire;
using Microsoft.AspNetCore.Http;

namespace Grpc.AspNetCore.Server.Internal;

/// <summary>
/// One call on the server: the <see cref="ServerCallContext"/> handed to the handler, backed by the HttpContext.
/// Lifecycle (deadline, status, trailers) is in GrpcServerCall.Lifecycle.cs; message I/O in GrpcServerCall.Messages.cs.
/// </summary>
internal sealed partial class GrpcServerCall : ServerCallContext
{
    private readonly IMethod _method;
    private Metadata? _requestHeaders;
    private Metadata? _responseTrailers;
    private string? _peer;

    public GrpcServerCall(HttpContext httpContext, IMethod method, ServerMethodOptions options)
    {
        HttpContext = httpContext;
        _method = method;
        Options = options;
    }

    public HttpContext HttpContext { get; }

    public ServerMethodOptions Options { get; }

    protected override string MethodCore => _method.FullName;

    protected override string HostCore => HttpContext.Request.Host.Value ?? "";

    protected override string PeerCore => _peer ??= FormatPeer(HttpContext);

    protected override DateTime DeadlineCore => _deadline;

    protected override Metadata RequestHeadersCore => _requestHeaders ??= ReadRequestHeaders(HttpContext.Request.Headers);

    protected override CancellationToken CancellationTokenCore => _cancellationToken;

    protected override Metadata ResponseTrailersCore => _responseTrailers ??= [];

    protected override Status StatusCore { get; set; } = Status.DefaultSuccess;

    protected override WriteOptions? WriteOptionsCore { get; set; }

    protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders)
    {
        ArgumentNullException.ThrowIfNull(responseHeaders);
        if (HttpContext.Response.HasStarted)
        {
            throw new InvalidOperationException("Response headers can only be sent once per call, before the first message.");
        }

        AppendMetadata(HttpContext.Response.Headers, responseHeaders);
        return HttpContext.Response.BodyWriter.FlushAsync(_cancellationToken).AsTask();
    }

    protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) =>
        new ServerCallPropagationToken(_deadline, _cancellationToken, options);

    private static Metadata ReadRequestHeaders(IHeaderDictionary headers)
    {
        var metadata = new Metadata();
        foreach (var (name, values) in headers)
        {
            if (MetadataWire.IsReservedHeader(name))
            {
                continue;
            }

            foreach (var value in values)
            {
                if (value is not null)
                {
                    MetadataWire.AddReceived(metadata, name, value);
                }
            }
        }

        return metadata;
    }

    private static void AppendMetadata(IHeaderDictionary headers, Metadata metadata)
    {
        foreach (var entry in metadata)
        {
            var value = entry.IsBinary ? MetadataWire.EncodeBinary(entry.ValueBytesUnsafe!) : entry.Value;
            headers.Append(entry.Key, value);
        }
    }

    /// <summary>Same format as grpc-core: "ipv4:127.0.0.1:5000" or "ipv6:[::1]:5000".</summary>
    private static string FormatPeer(HttpContext httpContext)
    {
        var connection = httpContext.Connection;
        var address = connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        return address.AddressFamily == AddressFamily.InterNetworkV6
            ? $"ipv6:[{address}]:{connection.RemotePort}"
            : $"ipv4:{address}:{connection.RemotePort}";
    }
}
