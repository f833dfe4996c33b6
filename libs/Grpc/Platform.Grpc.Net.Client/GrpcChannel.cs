using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Net.Client.Internal;

namespace Grpc.Net.Client;

/// <summary>
/// A channel to one gRPC server over HTTP/2. Create one per address and share it: calls from every client
/// built on it multiplex over the same pooled connections.
/// </summary>
public sealed class GrpcChannel : ChannelBase, IDisposable
{
    private readonly HttpMessageInvoker _transport;
    private readonly bool _transportIsHttpClient;
    private readonly bool _disposeTransport;
    private readonly ConcurrentDictionary<IMethod, MethodRoute> _routes = new(ReferenceEqualityComparer.Instance);
    private readonly GrpcCallInvoker _callInvoker;
    private int _disposed;

    private GrpcChannel(Uri address, GrpcChannelOptions options)
        : base(address.Authority)
    {
        Address = address;
        IsSecure = address.Scheme == Uri.UriSchemeHttps;
        Credentials = options.Credentials;
        if (Credentials is not null && Credentials.IsSecure != IsSecure)
        {
            throw new InvalidOperationException(
                $"Channel credentials are {(Credentials.IsSecure ? "secure" : "insecure")} but the address '{address}' uses {address.Scheme}.");
        }

        MaxReceiveMessageSize = options.MaxReceiveMessageSize;
        MaxSendMessageSize = options.MaxSendMessageSize;
        UnsafeUseInsecureChannelCallCredentials = options.UnsafeUseInsecureChannelCallCredentials;
        ThrowOperationCanceledOnCancellation = options.ThrowOperationCanceledOnCancellation;
        HttpVersion = options.HttpVersion ?? System.Net.HttpVersion.Version20;
        HttpVersionPolicy = options.HttpVersionPolicy ?? System.Net.Http.HttpVersionPolicy.RequestVersionExact;

        if (options.HttpClient is not null)
        {
            _transport = options.HttpClient;
            _transportIsHttpClient = true;
            _disposeTransport = options.DisposeHttpClient;
        }
        else if (options.HttpHandler is not null)
        {
            _transport = new HttpMessageInvoker(options.HttpHandler, disposeHandler: options.DisposeHttpClient);
            _disposeTransport = true;
        }
        else
        {
            _transport = new HttpMessageInvoker(DefaultHttpHandler.Create(), disposeHandler: true);
            _disposeTransport = true;
        }

        _callInvoker = new GrpcCallInvoker(this);
    }

    /// <summary>The server's base address, e.g. http://127.0.0.1:5101.</summary>
    public Uri Address { get; }

    internal bool IsSecure { get; }

    internal ChannelCredentials? Credentials { get; }

    internal int? MaxReceiveMessageSize { get; }

    internal int? MaxSendMessageSize { get; }

    internal bool UnsafeUseInsecureChannelCallCredentials { get; }

    internal bool ThrowOperationCanceledOnCancellation { get; }

    internal Version HttpVersion { get; }

    internal HttpVersionPolicy HttpVersionPolicy { get; }

    internal bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    public static GrpcChannel ForAddress(string address) => ForAddress(address, new GrpcChannelOptions());

    /// <summary>A bare "host:port" is accepted as http://host:port (service discovery sometimes hands those out).</summary>
    public static GrpcChannel ForAddress(string address, GrpcChannelOptions channelOptions)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        var withScheme = address.Contains("://", StringComparison.Ordinal) ? address : "http://" + address;
        return ForAddress(new Uri(withScheme, UriKind.Absolute), channelOptions);
    }

    public static GrpcChannel ForAddress(Uri address) => ForAddress(address, new GrpcChannelOptions());

    public static GrpcChannel ForAddress(Uri address, GrpcChannelOptions channelOptions)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(channelOptions);
        if (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException($"Address '{address}' must use http or https.", nameof(address));
        }

        return new GrpcChannel(address, channelOptions);
    }

    public override CallInvoker CreateCallInvoker() => _callInvoker;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0 && _disposeTransport)
        {
            _transport.Dispose();
        }
    }

    protected override Task ShutdownAsyncCore()
    {
        Dispose();
        return Task.CompletedTask;
    }

    internal MethodRoute GetRoute(IMethod method) =>
        _routes.TryGetValue(method, out var route) ? route : _routes.GetOrAdd(method, static (m, a) => new MethodRoute(m, a), Address);

    internal Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        return _transportIsHttpClient
            ? ((HttpClient)_transport).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken)
            : _transport.SendAsync(request, cancellationToken);
    }
}
