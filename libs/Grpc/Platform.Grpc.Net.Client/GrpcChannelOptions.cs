using Grpc.Core;

namespace Grpc.Net.Client;

/// <summary>Settings for a <see cref="GrpcChannel"/>; the names match Grpc.Net.Client's so a swap back is a reference change.</summary>
public sealed class GrpcChannelOptions
{
    /// <summary>4 MiB, the limit every gRPC implementation ships with.</summary>
    public const int DefaultMaxReceiveMessageSize = 4 * 1024 * 1024;

    /// <summary>Largest response message accepted; a bigger one fails the call with RESOURCE_EXHAUSTED. Null removes the limit.</summary>
    public int? MaxReceiveMessageSize { get; set; } = DefaultMaxReceiveMessageSize;

    /// <summary>Largest request message sent; a bigger one fails the call with RESOURCE_EXHAUSTED. Null (default) means no limit.</summary>
    public int? MaxSendMessageSize { get; set; }

    /// <summary>Insecure or SecureSsl, optionally carrying call credentials for every call. Defaults from the address scheme.</summary>
    public ChannelCredentials? Credentials { get; set; }

    /// <summary>Send call credentials over a cleartext (http://) channel too; off by default because tokens would travel unencrypted.</summary>
    public bool UnsafeUseInsecureChannelCallCredentials { get; set; }

    /// <summary>Use this client instead of the channel's own; it should speak HTTP/2 to the address.</summary>
    public HttpClient? HttpClient { get; set; }

    /// <summary>Use this handler instead of the channel's own SocketsHttpHandler.</summary>
    public HttpMessageHandler? HttpHandler { get; set; }

    /// <summary>Dispose <see cref="HttpClient"/> or <see cref="HttpHandler"/> with the channel.</summary>
    public bool DisposeHttpClient { get; set; }

    /// <summary>Throw OperationCanceledException instead of RpcException(Cancelled/DeadlineExceeded) when a call is cancelled.</summary>
    public bool ThrowOperationCanceledOnCancellation { get; set; }

    /// <summary>Defaults to HTTP/2 with RequestVersionExact: over http:// that is prior knowledge (h2c), as gRPC requires.</summary>
    public Version? HttpVersion { get; set; }

    public HttpVersionPolicy? HttpVersionPolicy { get; set; }
}
